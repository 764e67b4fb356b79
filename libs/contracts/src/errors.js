"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.ERROR_CODES = void 0;
exports.ERROR_CODES = [
    'VALIDATION_FAILED',
    'MALFORMED_JSON',
    'UNAUTHENTICATED',
    'INVALID_CREDENTIALS',
    'INVALID_TOKEN',
    'TOKEN_REUSED',
    'FORBIDDEN',
    'NOT_FOUND',
    'CONFLICT',
    'ALREADY_EXISTS',
    'STALE_VERSION',
    'TRANSITION_NOT_ALLOWED',
    'IDEMPOTENCY_KEY_REUSED',
    'PAYLOAD_TOO_LARGE',
    'UNSUPPORTED_MEDIA_TYPE',
    'RATE_LIMITED',
    'SERVICE_UNAVAILABLE',
    'INTERNAL',
];
//# sourceMappingURL=errors.js.map