# One image recipe for every newsflow service; the build argument SERVICE picks which one
# (ingest, enrich, search, stories). Build from the repository root, e.g.
#   docker compose build enrich
#   docker build -f deploy/service.Dockerfile --build-arg SERVICE=enrich .
FROM python:3.11-slim
ARG SERVICE
ENV PYTHONUNBUFFERED=1 UV_PYTHON_DOWNLOADS=never UV_PROJECT_ENVIRONMENT=/app/.venv \
    NEWSFLOW_SERVICE=${SERVICE}
RUN test -n "$SERVICE" || (echo "build with --build-arg SERVICE=<ingest|enrich|search|stories>" >&2; exit 1)
RUN pip install --no-cache-dir uv==0.13.8
WORKDIR /app
COPY pyproject.toml uv.lock ./
COPY libs libs
COPY services services
RUN uv sync --frozen --no-dev --package newsflow-${SERVICE}
ENV PATH=/app/.venv/bin:$PATH
USER nobody
# exec: the service is PID 1 and gets the container's SIGTERM for a clean shutdown
CMD ["sh", "-c", "exec python -m newsflow_${NEWSFLOW_SERVICE}"]
