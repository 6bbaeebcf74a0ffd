/**
 * The minimal step interface the job handlers depend on. Inngest's step tools and the embedded
 * runner both satisfy it, so the same handlers run under either.
 */
export interface StepTools {
  run<T>(id: string, fn: () => Promise<T>): Promise<T>;
  sendEvent(id: string, events: { name: string; data: Record<string, unknown>; id?: string } | { name: string; data: Record<string, unknown>; id?: string }[]): Promise<unknown>;
  sleep(id: string, ms: number): Promise<void>;
}

type InngestStepLike = {
  run: (id: string, fn: () => unknown) => Promise<unknown>;
  sendEvent: (id: string, payload: never) => Promise<unknown>;
  sleep: (id: string, duration: number) => Promise<unknown>;
};

/**
 * Inngest's step tools as StepTools. The guarantee: step results are JSON round-tripped by Inngest,
 * and every handler step returns plain JSON (numbers, strings, objects of them — no Dates), so the
 * value a handler gets back has the type it returned.
 */
export function fromInngestStep(step: InngestStepLike): StepTools {
  return {
    run: <T>(id: string, fn: () => Promise<T>) => step.run(id, fn) as Promise<T>,
    sendEvent: (id, events) => step.sendEvent(id, events as never),
    sleep: async (id, ms) => {
      await step.sleep(id, ms);
    },
  };
}
