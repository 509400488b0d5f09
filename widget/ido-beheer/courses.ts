/**
 * The "Cursussen" section of `<ido-beheer>`, as a controller of the element: the course runs of a
 * year with the year's totals as the dashboard counts them (`/reports/courses`: "Cursisten" is the
 * enrolled of the runs that start in the period), and the form of one run: create, edit (with
 * `If-Match`; a 412 says so and keeps what was typed), "afgerond" filled in when it ends, delete
 * after one confirmation.
 */
import { html, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { isIdoHttpError, isIdoNetworkError } from '../../sdk/errors.js';
import type { Lang } from '../../sdk/schemas/common.js';
import type { Course } from '../../sdk/schemas/resources.js';
import type { CourseReport } from '../../sdk/schemas/reports.js';
import { amsterdamParts } from '../../sdk/opening-hours.js';
import { now } from '../shared/clock.js';
import { Task, TaskStatus, initialState } from '../shared/task.js';
import type { BeheerClient } from './beheer-client.js';
import { checkCourse, courseDraftFrom, coursePayload, emptyCourse, type CourseDraft, type CourseField } from './course-draft.js';
import { renderCourseForm, renderCourseList } from './course-views.js';
import { formatDutchDate } from './dates.js';
import type { AdminTexts } from './i18n.admin.nl.js';

export interface CoursesDeps {
  client(): BeheerClient;
  clientKey(): string;
  lang(): Lang;
  t(): AdminTexts;
  authFailed(error: unknown): boolean;
}

type Host = ReactiveControllerHost & HTMLElement & { renderRoot: HTMLElement | DocumentFragment };

interface YearData {
  courses: Course[];
  totals: CourseReport;
  locations: { id: string; name: string }[];
  types: { code: string; label: string }[];
}

interface CourseForm {
  id: string | null;
  etag: string | undefined;
  draft: CourseDraft;
  title: string;
  show: boolean;
  serverErrors: Partial<Record<CourseField, string>>;
  saving: boolean;
  problem: string | null;
  conflict: boolean;
  confirmDelete: boolean;
}

const FIELD_OF_PATH: Record<string, CourseField> = {
  locationId: 'locationId',
  type: 'type',
  startDate: 'startDate',
  sessions: 'sessions',
  enrolled: 'enrolled',
  completed: 'completed',
  note: 'note',
};
const ORDER: CourseField[] = ['locationId', 'type', 'startDate', 'sessions', 'enrolled', 'completed', 'note'];

export class CoursesSection implements ReactiveController {
  private readonly _host: Host;
  private readonly _deps: CoursesDeps;
  private readonly _data: Task<readonly [string, number, number, Lang], YearData>;
  private _year = Number(amsterdamParts(now()).date.slice(0, 4));
  private _version = 0;
  private _form: CourseForm | null = null;
  private _notice = '';
  private _focusAfterRender?: string;

  constructor(host: Host, deps: CoursesDeps) {
    this._host = host;
    this._deps = deps;
    host.addController(this);
    this._data = new Task(host, {
      // Read only while the section is on screen (the element asks for it by rendering it).
      autoRun: false,
      task: async ([key, year, , lang], { signal }) => {
        if (!key) return initialState;
        const client = this._deps.client();
        const range = { from: `${year}-01-01`, to: `${year}-12-31` };
        const [courses, totals, locations, taxonomy] = await Promise.all([
          client.courses.list(range, { signal }),
          client.reports.courses(range, { signal }),
          client.locations.list(undefined, { signal }),
          client.taxonomy.get({ lang }, { signal }),
        ]);
        return {
          courses: courses.items,
          totals,
          locations: locations.items.map((l) => ({ id: l.id, name: l.name })),
          types: taxonomy.courseTypes.map((c) => ({ code: c.code, label: c.label })),
        };
      },
      onError: (error) => this._deps.authFailed(error),
    });
  }

  private _args() {
    return [this._deps.clientKey(), this._year, this._version, this._deps.lang()] as const;
  }

  private _lastArgs = '';

  /** Before each render while the section is shown: read the year again when something it depends on changed. */
  hostUpdate(): void {
    if (!this._shown) return;
    const args = this._args();
    const key = JSON.stringify(args);
    if (key !== this._lastArgs) {
      this._lastArgs = key;
      void this._data.run(args);
    }
  }

  private _shown = false;

  /** The section is (or is no longer) the one on screen. */
  show(on: boolean): void {
    this._shown = on;
    if (!on) this._form = null;
  }

  hostUpdated(): void {
    if (!this._focusAfterRender) return;
    const target = this._host.renderRoot.querySelector<HTMLElement>(this._focusAfterRender);
    this._focusAfterRender = undefined;
    target?.focus();
  }

  private _changed(focus?: string): void {
    if (focus) this._focusAfterRender = focus;
    this._host.requestUpdate();
  }

  private get _t(): AdminTexts {
    return this._deps.t();
  }

  private _typeLabel(code: string): string {
    return this._data.value?.types.find((x) => x.code === code)?.label ?? code;
  }

  private _titleOf(course: Course): string {
    return this._t.courseName(this._typeLabel(course.type), formatDutchDate(course.startDate));
  }

  private _open(course: Course | null): void {
    this._notice = '';
    const locations = this._data.value?.locations ?? [];
    this._form = {
      id: course?.id ?? null,
      etag: undefined,
      draft: course ? courseDraftFrom(course) : emptyCourse(locations.length === 1 ? locations[0].id : ''),
      title: course ? this._titleOf(course) : '',
      show: false,
      serverErrors: {},
      saving: false,
      problem: null,
      conflict: false,
      confirmDelete: false,
    };
    this._changed('#form-heading');
    if (course) void this._readEtag(this._form);
  }

  /** The ETag of the run being edited (the list does not carry one), for `If-Match`. */
  private async _readEtag(form: CourseForm): Promise<void> {
    try {
      let etag: string | undefined;
      const course = await this._deps.client().courses.get(form.id!, { onEtag: (e) => (etag = e ?? undefined) });
      if (this._form !== form) return;
      form.etag = etag;
      // Someone may have changed it since the list was read: edit what is stored now.
      if (!form.show) form.draft = courseDraftFrom(course);
      this._changed();
    } catch (error) {
      this._deps.authFailed(error);
    }
  }

  private _errors(form: CourseForm) {
    return { ...form.serverErrors, ...checkCourse(form.draft, this._t) };
  }

  private async _save(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const form = this._form!;
    if (form.saving) return;
    const t = this._t;
    form.show = true;
    form.problem = null;
    const errors = this._errors(form);
    const first = ORDER.find((f) => errors[f]);
    if (first) {
      this._changed(`#${first === 'note' ? 'course-note' : first}`);
      return;
    }
    form.saving = true;
    this._changed();
    const client = this._deps.client();
    try {
      const payload = coursePayload(form.draft);
      // An empty note is sent as empty, so that clearing it clears it.
      const saved = form.id
        ? await client.courses.update(form.id, { ...payload, note: payload.note ?? '' }, { ifMatch: form.etag })
        : await client.courses.create(payload);
      this._notice = form.id ? t.courseSaved(this._titleOf(saved)) : t.courseAdded(this._titleOf(saved));
      this._form = null;
      this._version++;
      this._changed('#notice');
    } catch (error) {
      form.saving = false;
      if (this._deps.authFailed(error)) return;
      if (isIdoHttpError(error) && error.status === 412) {
        form.conflict = true;
        this._changed('#conflict');
        return;
      }
      if (isIdoHttpError(error) && error.status === 422) {
        form.serverErrors = {};
        for (const e of error.problem?.errors ?? []) {
          const field = FIELD_OF_PATH[e.path];
          if (field) form.serverErrors[field] ??= e.message;
        }
        const firstServer = ORDER.find((f) => form.serverErrors[f]);
        form.problem = firstServer ? null : t.serverInvalid;
        this._changed(firstServer ? `#${firstServer === 'note' ? 'course-note' : firstServer}` : '#form-problem');
        return;
      }
      form.problem = isIdoNetworkError(error) ? t.saveNetwork : t.saveFailed;
      this._changed('#form-problem');
    }
  }

  private async _reload(): Promise<void> {
    const form = this._form!;
    form.conflict = false;
    form.show = false;
    await this._readEtag(form);
    this._changed('#form-heading');
  }

  private async _delete(): Promise<void> {
    const form = this._form!;
    const t = this._t;
    try {
      await this._deps.client().courses.delete(form.id!, { ifMatch: form.etag });
      this._notice = t.deleted(form.title);
      this._form = null;
      this._version++;
      this._changed('#notice');
    } catch (error) {
      if (this._deps.authFailed(error)) return;
      form.confirmDelete = false;
      if (isIdoHttpError(error) && error.status === 412) form.conflict = true;
      else form.problem = t.deleteFailed;
      this._changed(form.conflict ? '#conflict' : '#form-problem');
    }
  }

  render(): TemplateResult {
    const t = this._t;
    const data = this._data.value;
    const form = this._form;
    if (form && data) {
      return renderCourseForm(
        {
          t,
          id: form.id,
          title: form.title,
          draft: form.draft,
          errors: this._errors(form),
          show: form.show,
          locations: data.locations,
          types: data.types,
          saving: form.saving,
          problem: form.problem,
          conflict: form.conflict,
          confirmDelete: form.confirmDelete,
        },
        {
          field: (name, value) => {
            form.draft = { ...form.draft, [name]: value };
            delete form.serverErrors[name];
            this._changed();
          },
          save: (e) => void this._save(e),
          back: () => {
            const id = form.id;
            this._form = null;
            this._changed(id ? `#course-${id}` : '#new-course');
          },
          reload: () => void this._reload(),
          askDelete: (on) => {
            form.confirmDelete = on;
            this._changed(on ? '#confirm-heading' : '#delete');
          },
          deleteCourse: () => void this._delete(),
        },
      );
    }
    const thisYear = Number(amsterdamParts(now()).date.slice(0, 4));
    return renderCourseList(
      {
        t,
        year: this._year,
        years: [thisYear + 1, thisYear, thisYear - 1, thisYear - 2],
        courses: data?.courses,
        totals: data?.totals,
        failed: this._data.status === TaskStatus.ERROR && !data,
        locationName: (id) => data?.locations.find((l) => l.id === id)?.name ?? '',
        typeLabel: (code) => this._typeLabel(code),
        notice: this._notice,
      },
      {
        year: (year) => {
          this._year = year;
          this._notice = '';
          this._changed();
        },
        add: () => this._open(null),
        edit: (course) => this._open(course),
        retry: () => void this._data.run(this._args()),
      },
    );
  }
}
