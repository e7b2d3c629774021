import * as z from 'zod/mini';
import { zhCN } from 'zod/locales';

/**
 * zod's Chinese messages, once for the whole app (the cloud functions' router does the same): a check
 * with no message of its own then says 「无效输入」 rather than "Invalid input". Imported by app.ts, so it
 * runs before any page validates; app tests import it from their setup.
 */
z.config(zhCN());
