import { batchRouter } from "./routers/batch";
import { customerRouter } from "./routers/customer";
import { meRouter } from "./routers/me";
import { messageRouter } from "./routers/message";
import { queueRouter } from "./routers/queue";
import { referenceRouter } from "./routers/reference";
import { smsRouter } from "./routers/sms";
import { smsAccountRouter } from "./routers/sms-account";
import { userRouter } from "./routers/user";
import { createCallerFactory, router } from "./trpc";

export const appRouter = router({
  me: meRouter,
  customer: customerRouter,
  reference: referenceRouter,
  user: userRouter,
  sms: smsRouter,
  smsAccount: smsAccountRouter,
  queue: queueRouter,
  batch: batchRouter,
  message: messageRouter,
});

export type AppRouter = typeof appRouter;

export const createCaller = createCallerFactory(appRouter);
