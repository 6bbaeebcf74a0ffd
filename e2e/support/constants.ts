export const E2E_DB_FILE = ".tmp/e2e/app.db";
export const E2E_CUSTOMERS = 300;
