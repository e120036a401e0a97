// Small reads shared by the browser journeys: a JSON answer of the server under test, and the
// trimmed text of an element named by its data-testid.
import assert from 'node:assert/strict';

/** GETs `pathname` from the server at `baseUrl`, asserting a 200, and returns the parsed body. */
export async function getJson(baseUrl, pathname) {
  const response = await fetch(`${baseUrl}${pathname}`);
  assert.equal(response.status, 200, pathname);
  return response.json();
}

/** The trimmed inner text of the element with that data-testid. */
export async function testIdText(page, testId) {
  return (await page.getByTestId(testId).innerText()).trim();
}

/** Waits until the element with that data-testid has exactly the wanted text. */
export async function waitForTestIdText(page, testId, wanted, timeout = 20000) {
  await page.waitForFunction(
    ([id, value]) => document.querySelector(`[data-testid="${id}"]`)?.textContent?.trim() === value,
    [testId, wanted],
    { timeout },
  );
}
