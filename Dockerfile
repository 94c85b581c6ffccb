# Viplane server (and the web app, when apps/web exists), run from TypeScript source with tsx:
# the packages have no build step. Build context: the repository root.
#   docker build -t viplane .
#   docker run -p 8080:8080 -v viplane-data:/data viplane        (embedded database in /data)
#   docker run -p 8080:8080 -e DATABASE_URL=postgres://... viplane (PostgreSQL)

# --- web app build (needs dev dependencies: Vite) -----------------------------------------
FROM node:20-bookworm-slim AS web
WORKDIR /src
COPY . .
RUN if [ -f apps/web/package.json ]; then \
      npm ci --no-audit --no-fund && npm run build -w @viplane/web; \
    fi; \
    mkdir -p apps/web/dist

# --- runtime: production dependencies of the server and the packages it imports ------------
FROM node:20-bookworm-slim
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=8080 \
    VIPLANE_DATA_DIR=/data
WORKDIR /app
COPY . .
RUN npm ci --omit=dev --no-audit --no-fund --workspace @viplane/server \
    && npm cache clean --force \
    && mkdir -p /data && chown node:node /data
COPY --from=web /src/apps/web/dist apps/web/dist

USER node
VOLUME ["/data"]
EXPOSE 8080
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 8080) + '/readyz').then(r => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# node itself as the command (not npm), so SIGTERM reaches the server and it shuts down gracefully.
CMD ["node", "--import", "tsx", "apps/server/src/server.ts"]
