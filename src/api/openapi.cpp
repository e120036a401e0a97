#include "api/openapi.h"

#include <nlohmann/json.hpp>

#include <cctype>
#include <set>
#include <stdexcept>
#include <utility>
#include <vector>

#include "api/schemas/reply_schemas.h"
#include "http/router.h"

namespace axis::api {
namespace {

using nlohmann::json;

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// "/api/config/assets/{asset_type}/{filename:path}" -> OpenAPI path and its parameter names.
std::pair<std::string, std::vector<std::string>> openapi_path(const http::Route& route) {
  std::string path;
  std::vector<std::string> params;
  for (const std::string& seg : route.segments) {
    std::string part = seg;
    if (seg.size() > 2 && seg.front() == '{') {
      std::string name = seg.substr(1, seg.size() - 2);
      if (auto colon = name.find(':'); colon != std::string::npos) name.resize(colon);
      params.push_back(name);
      part = "{" + name + "}";
    }
    path += "/" + part;
  }
  return {path.empty() ? "/" : path, params};
}

json operation(const http::Route& route, const std::vector<std::string>& path_params) {
  json ok = {{"description", "Successful response"}};
  if (!route.doc.reply.empty()) {
    ok["content"] = {{"application/json", {{"schema", schema::ref(route.doc.reply)}}}};
  }
  json op = {{"summary", route.doc.summary},
             {"operationId", lower(route.method) + route.pattern},
             {"responses", {{"200", ok}, {"422", {{"description", "Validation error"}}}}}};
  if (!route.doc.tag.empty()) op["tags"] = json::array({route.doc.tag});
  json params = json::array();
  for (const std::string& name : path_params) {
    params.push_back({{"name", name}, {"in", "path"}, {"required", true},
                      {"schema", {{"type", "string"}}}});
  }
  for (const auto& q : route.doc.query) {
    params.push_back({{"name", q.name}, {"in", "query"}, {"required", q.required},
                      {"description", q.description}, {"schema", {{"type", q.type}}}});
  }
  if (!params.empty()) op["parameters"] = params;
  if (route.doc.body == http::BodyKind::json) {
    op["requestBody"] = {{"required", true},
                         {"content", {{"application/json", {{"schema", json::object()}}}}}};
  } else if (route.doc.body == http::BodyKind::multipart) {
    op["requestBody"] = {
        {"required", true},
        {"content", {{"multipart/form-data",
                      {{"schema", {{"type", "object"},
                                   {"properties", {{"file", {{"type", "string"},
                                                             {"format", "binary"}}}}},
                                   {"required", json::array({"file"})}}}}}}}};
  }
  return op;
}

}  // namespace

std::string openapi_document(const http::Router& router,
                             const std::map<std::string, std::string>& tag_descriptions) {
  json paths = json::object();
  std::set<std::string> tags;
  for (const http::Route& route : router.routes()) {
    auto [path, params] = openapi_path(route);
    paths[path][lower(route.method)] = operation(route, params);
    if (!route.doc.tag.empty()) tags.insert(route.doc.tag);
  }
  json tag_list = json::array();
  for (const std::string& tag : tags) {
    json entry = {{"name", tag}};
    const auto described = tag_descriptions.find(tag);
    if (described != tag_descriptions.end()) entry["description"] = described->second;
    tag_list.push_back(std::move(entry));
  }
  json doc = {{"openapi", "3.1.0"},
              {"info", {{"title", "AXIS API"}, {"version", AXIS_VERSION}}},
              {"tags", tag_list},
              {"paths", paths},
              {"components", {{"schemas", schema::reply_schemas().json()}}}};
  return doc.dump();
}

void check_reply_schemas(const http::Router& router) {
  const schema::Components components = schema::reply_schemas();
  for (const http::Route& route : router.routes()) {
    if (!route.doc.reply.empty() && !components.json().contains(route.doc.reply)) {
      throw std::logic_error(route.method + " " + route.pattern + " declares reply '" +
                             route.doc.reply + "', which is not a schema of api/schemas/");
    }
  }
}

const std::string& docs_page() {
  static const std::string page = R"HTML(<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>AXIS API reference</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
body{font-family:Inter,system-ui,sans-serif;margin:0;background:#FAFBFC;color:#2C3E50}
header{background:#2B3C73;color:#fff;padding:18px 32px}header h1{margin:0;font-size:20px}
main{max-width:1000px;margin:0 auto;padding:24px 32px}h2{margin-top:32px;text-transform:capitalize}
.op{background:#fff;border:1px solid #E1E5EA;border-radius:8px;margin:8px 0;padding:10px 14px}
.m{display:inline-block;min-width:64px;font:600 12px 'JetBrains Mono',monospace;color:#fff;
border-radius:4px;padding:3px 6px;text-align:center;margin-right:10px}
.GET{background:#3D5A80}.POST{background:#27AE60}.PUT,.PATCH{background:#F39C12}.DELETE{background:#E74C3C}
code{font-family:'JetBrains Mono',monospace}.s{color:#7F8C8D;margin-left:8px}
.p{font-size:13px;color:#34495E;margin:6px 0 0 76px}
</style></head><body><header><h1>AXIS API reference</h1></header><main id="root">Loading…</main>
<script>
fetch('/openapi.json').then(r=>r.json()).then(doc=>{
  const byTag={};
  for(const [path,ops] of Object.entries(doc.paths))for(const [m,op] of Object.entries(ops)){
    const t=(op.tags||['other'])[0];(byTag[t]=byTag[t]||[]).push({path,m:m.toUpperCase(),op});}
  const root=document.getElementById('root');root.textContent='';
  const info=document.createElement('p');info.textContent=doc.info.title+' '+doc.info.version+
    ' · OpenAPI '+doc.openapi+' · ';const a=document.createElement('a');a.href='/openapi.json';
  a.textContent='openapi.json';info.appendChild(a);root.appendChild(info);
  for(const tag of Object.keys(byTag).sort()){
    const h=document.createElement('h2');h.textContent=tag;root.appendChild(h);
    for(const e of byTag[tag]){const d=document.createElement('div');d.className='op';
      const m=document.createElement('span');m.className='m '+e.m;m.textContent=e.m;
      const c=document.createElement('code');c.textContent=e.path;
      const s=document.createElement('span');s.className='s';s.textContent=e.op.summary||'';
      d.append(m,c,s);
      const ps=(e.op.parameters||[]).map(p=>p.name+' ('+p.in+(p.required?', required':'')+')');
      if(e.op.requestBody)ps.push('body: '+Object.keys(e.op.requestBody.content)[0]);
      const reply=e.op.responses?.['200']?.content?.['application/json']?.schema?.$ref;
      if(reply)ps.push('reply: '+reply.split('/').pop());
      if(ps.length){const p=document.createElement('div');p.className='p';p.textContent=ps.join(' · ');d.appendChild(p);}
      root.appendChild(d);}}
}).catch(err=>{document.getElementById('root').textContent='Cannot load /openapi.json: '+err;});
</script></body></html>)HTML";
  return page;
}

}  // namespace axis::api
