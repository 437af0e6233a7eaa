# The ivr-audit CLI on a slim Node 20 image; mount the flows at /flows:
#   docker build -t ivr-audit . && docker run --rm -v "$PWD:/flows" ivr-audit
FROM node:20-slim AS pack
WORKDIR /src
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund --ignore-scripts
COPY . .
RUN npm run build && npm pack --pack-destination /tmp && mv /tmp/ivr-audit-*.tgz /tmp/ivr-audit.tgz

FROM node:20-slim
COPY --from=pack /tmp/ivr-audit.tgz /tmp/ivr-audit.tgz
RUN npm install --global --no-audit --no-fund /tmp/ivr-audit.tgz && rm /tmp/ivr-audit.tgz
WORKDIR /flows
ENTRYPOINT ["ivr-audit"]
CMD ["lint", "."]
