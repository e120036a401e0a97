# syntax=docker/dockerfile:1
# The web UI alone, as static files served by nginx on port 3500 (for hosting the UI apart
# from the API, e.g. a CDN or static host in front of a Cloud Run server). The API's address
# is fixed at build time:
#   docker build -f deploy/docker/web.Dockerfile --build-arg VITE_API_URL=https://api.example.com -t axis-web .
# NEXT_PUBLIC_API_URL (the deployment guide's name) is accepted too; VITE_API_URL wins when both
# are given. Then add the UI's origin to the server's FRONTEND_URLS.

FROM node:20-bookworm-slim AS build
WORKDIR /src/web
COPY web/package.json web/package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY web/ ./
ARG VITE_API_URL=""
ARG NEXT_PUBLIC_API_URL=""
ENV VITE_API_URL=${VITE_API_URL} NEXT_PUBLIC_API_URL=${NEXT_PUBLIC_API_URL}
RUN npx vite build

FROM nginx:1.27-alpine AS runtime
COPY deploy/docker/web-nginx.conf /etc/nginx/conf.d/default.conf
COPY --from=build /src/web/dist /usr/share/nginx/html
# nginx's unprivileged setup: pid and temp files under /tmp, no root needed at run time.
RUN sed -i 's#^pid .*#pid /tmp/nginx.pid;#' /etc/nginx/nginx.conf \
 && chown -R 101:101 /var/cache/nginx /usr/share/nginx/html
USER 101:101
EXPOSE 3500
HEALTHCHECK --interval=30s --timeout=5s --start-period=5s --retries=3 \
  CMD ["wget", "-q", "-O", "/dev/null", "http://127.0.0.1:3500/"]
