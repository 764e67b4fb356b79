"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
//# sourceMappingURL=benchmark-document.js.map