"""Ingest's errors; one handler renders them as RFC 9457 problem+json."""

from typing import Any, ClassVar

from fastapi import Request
from fastapi.responses import JSONResponse


class NewsflowError(Exception):
    retriable: ClassVar[bool] = False
    status: ClassVar[int] = 500
    title: ClassVar[str] = "internal error"

    def __init__(self, detail: str, *, field: str | None = None, **extra: Any) -> None:
        super().__init__(detail)
        self.detail = detail
        self.field = field
        self.extra = extra

    def problem(self) -> dict[str, Any]:
        body: dict[str, Any] = {"type": "about:blank", "title": self.title, "status": self.status,
                                "detail": self.detail}  # fmt: skip
        if self.field:
            body["field"] = self.field
        return body | self.extra


class BadRequest(NewsflowError):
    status = 400
    title = "bad request"


class Unauthorized(NewsflowError):
    status = 401
    title = "unauthorized"


class PayloadTooLarge(NewsflowError):
    status = 413
    title = "payload too large"


class UnsupportedMediaType(NewsflowError):
    status = 415
    title = "unsupported media type"


class Unprocessable(NewsflowError):
    status = 422
    title = "unprocessable article"


class BrokerUnavailable(NewsflowError):
    retriable = True
    status = 503
    title = "broker unavailable"


async def handle(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, NewsflowError)
    headers = {"Retry-After": "5"} if exc.retriable else None
    return JSONResponse(exc.problem(), status_code=exc.status, headers=headers,
                        media_type="application/problem+json")  # fmt: skip
