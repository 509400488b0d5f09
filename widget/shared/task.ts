/**
 * A small asynchronous task for the elements, in the manner of `@lit/task` (the subset the elements
 * use, so its weight stays out of ido.js): `args` are read before every update and the task runs
 * again when one of them changed (by `notEqual`, as for properties); `run()` runs it on demand. A
 * run that is overtaken by a newer one is aborted (its `signal`) and its answer ignored. A task
 * that answers `initialState` goes back to INITIAL and keeps its last value.
 */
import { notEqual, type ReactiveController, type ReactiveControllerHost } from 'lit';

export const TaskStatus = { INITIAL: 0, PENDING: 1, COMPLETE: 2, ERROR: 3 } as const;
export type TaskStatus = (typeof TaskStatus)[keyof typeof TaskStatus];

/** What a task answers to go back to INITIAL (e.g. when it has nothing to do yet). */
export const initialState = Symbol();

export interface TaskConfig<T extends readonly unknown[], R> {
  // Methods, not function properties: a task typed for narrower arguments still fits the field's type.
  task(args: T, options: { signal: AbortSignal }): R | typeof initialState | Promise<R | typeof initialState>;
  /** The arguments; without them the task runs only with `run()`. */
  args?: () => T;
  /** `false`: run only with `run()`. */
  autoRun?: boolean;
  onComplete?(value: R): unknown;
  onError?(error: unknown): unknown;
}

export class Task<T extends readonly unknown[] = readonly unknown[], R = unknown> implements ReactiveController {
  status: TaskStatus = TaskStatus.INITIAL;
  value?: R;
  error?: unknown;
  private args?: T;
  private calls = 0;
  private abortController?: AbortController;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly config: TaskConfig<T, R>,
  ) {
    host.addController(this);
  }

  hostUpdate(): void {
    const args = this.config.args?.();
    const previous = this.args;
    if (
      this.config.autoRun !== false &&
      args &&
      (!previous || args.length !== previous.length || args.some((a, i) => notEqual(a, previous[i])))
    ) {
      void this.run(args);
    }
  }

  async run(args: T | undefined = this.config.args?.()): Promise<void> {
    this.args = args;
    if (this.status === TaskStatus.PENDING) this.abortController?.abort();
    this.status = TaskStatus.PENDING;
    this.host.requestUpdate();
    const call = ++this.calls;
    const controller = (this.abortController = new AbortController());
    let result: R | typeof initialState | undefined;
    let error: unknown;
    let failed = false;
    try {
      result = await this.config.task(args as T, { signal: controller.signal });
    } catch (e) {
      failed = true;
      error = e;
    }
    if (call !== this.calls) return;
    if (result === initialState) {
      this.status = TaskStatus.INITIAL;
    } else {
      try {
        if (failed) this.config.onError?.(error);
        else this.config.onComplete?.(result as R);
      } catch {
        // A callback's own failure does not change what the task answered.
      }
      this.status = failed ? TaskStatus.ERROR : TaskStatus.COMPLETE;
      this.value = result as R | undefined;
      this.error = error;
    }
    this.host.requestUpdate();
  }

  render<A, B, C, D>(renderers: { initial?: () => A; pending?: () => B; complete?: (value: R) => C; error?: (error: unknown) => D }) {
    switch (this.status) {
      case TaskStatus.PENDING:
        return renderers.pending?.();
      case TaskStatus.COMPLETE:
        return renderers.complete?.(this.value as R);
      case TaskStatus.ERROR:
        return renderers.error?.(this.error);
      default:
        return renderers.initial?.();
    }
  }
}
