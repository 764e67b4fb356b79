"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.WORK_STATUSES = exports.ORGANISATION_KINDS = exports.PROGRAMME_ROLES = void 0;
exports.PROGRAMME_ROLES = ['coordinator', 'expert', 'city-member'];
exports.ORGANISATION_KINDS = ['city', 'partner', 'network'];
exports.WORK_STATUSES = ['planned', 'in-progress', 'done', 'blocked'];
//# sourceMappingURL=roles.js.map