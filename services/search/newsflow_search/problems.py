"""RFC 9457 problem bodies: every error the API answers names what was wrong."""

from fastapi.responses import JSONResponse


def problem(status: int, detail: str, field: str | None = None) -> JSONResponse:
    body = {"type": "about:blank", "title": detail.split(":")[0], "status": status,
            "detail": detail} | ({"field": field} if field else {})  # fmt: skip
    return JSONResponse(body, status_code=status, media_type="application/problem+json")
