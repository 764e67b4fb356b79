"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.todayIso = void 0;
exports.isIsoDate = isIsoDate;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
function isIsoDate(value) {
    const m = DATE.exec(value);
    if (!m)
        return false;
    const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
    return d.getUTCFullYear() === +m[1] && d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3];
}
const todayIso = (now = new Date()) => now.toISOString().slice(0, 10);
exports.todayIso = todayIso;
//# sourceMappingURL=dates.js.map