"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.staleVersion = exports.conflict = exports.forbidden = exports.notFound = exports.DomainError = void 0;
class DomainError extends Error {
    code;
    details;
    constructor(code, message, details) {
        super(message);
        this.code = code;
        this.details = details;
        this.name = 'DomainError';
    }
}
exports.DomainError = DomainError;
const notFound = (what) => new DomainError('NOT_FOUND', `${what} not found`);
exports.notFound = notFound;
const forbidden = (message) => new DomainError('FORBIDDEN', message);
exports.forbidden = forbidden;
const conflict = (message, details) => new DomainError('CONFLICT', message, details);
exports.conflict = conflict;
const staleVersion = (currentVersion) => new DomainError('STALE_VERSION', 'This was changed by someone else since you loaded it; reload and try again', {
    currentVersion,
});
exports.staleVersion = staleVersion;
//# sourceMappingURL=domain-error.js.map