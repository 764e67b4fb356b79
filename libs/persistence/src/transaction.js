"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.inTransaction = inTransaction;
async function inTransaction(em, work) {
    await em.begin();
    try {
        const result = await work();
        await em.commit();
        return result;
    }
    catch (error) {
        await em.rollback();
        throw error;
    }
}
//# sourceMappingURL=transaction.js.map