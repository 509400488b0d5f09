/** The "Cursussen" section's screens: the year's totals and runs, and the form of one run with its delete confirmation. Render functions. */
import { html, nothing, type TemplateResult } from 'lit';
import type { Course } from '../../sdk/schemas/resources.js';
import type { CourseReport } from '../../sdk/schemas/reports.js';
import type { AdminTexts } from './i18n.admin.nl.js';
import type { CourseDraft, CourseField } from './course-draft.js';
import { formatDutchDate } from './dates.js';

export interface CourseListInput {
  t: AdminTexts;
  year: number;
  years: number[];
  courses: Course[] | undefined;
  totals: CourseReport | undefined;
  failed: boolean;
  /** A label per location id and per course type code. */
  locationName(id: string): string;
  typeLabel(code: string): string;
  notice: string;
}

export interface CourseListIntents {
  year(year: number): void;
  add(): void;
  edit(course: Course): void;
  retry(): void;
}

export function renderCourseList(input: CourseListInput, intents: CourseListIntents): TemplateResult {
  const { t, courses, totals } = input;
  let body: TemplateResult;
  if (input.failed) {
    body = html`<div class="problem" role="alert"><p>${t.coursesFailed}</p>
      <p><button class="button" type="button" @click=${() => intents.retry()}>${t.retry}</button></p></div>`;
  } else if (!courses || !totals) {
    body = html`<p role="status">${t.coursesLoading}</p>`;
  } else {
    const sorted = [...courses].sort((a, b) => b.startDate.localeCompare(a.startDate) || a.id.localeCompare(b.id));
    body = html`<p class="totals" id="course-totals">${t.courseTotals(input.year, totals.runs, totals.enrolled, totals.completed)}</p>
      ${
        sorted.length
          ? html`<div class="table-wrap" role="region" tabindex="0" aria-labelledby="courses-caption">
            <table class="courses">
              <caption id="courses-caption">${t.coursesCaption(input.year)}</caption>
              <thead><tr>
                <th scope="col">${t.courseStart}</th><th scope="col">${t.courseType}</th><th scope="col">${t.courseLocation}</th>
                <th scope="col" class="num">${t.courseSessions}</th><th scope="col" class="num">${t.courseEnrolled}</th>
                <th scope="col" class="num">${t.courseCompleted}</th><th scope="col"><span class="visually-hidden">${t.edit}</span></th>
              </tr></thead>
              <tbody>
                ${sorted.map(
                  (c) => html`<tr>
                  <td>${formatDutchDate(c.startDate)}</td>
                  <td>${input.typeLabel(c.type)}</td>
                  <td>${input.locationName(c.locationId)}</td>
                  <td class="num">${c.sessions}</td>
                  <td class="num">${c.enrolled}</td>
                  <td class="num">${c.completed ?? html`<span class="muted">${t.notYet}</span>`}</td>
                  <td><button class="button quiet" type="button" id="course-${c.id}" @click=${() => intents.edit(c)}>${t.edit}<span class="visually-hidden"> ${t.courseName(input.typeLabel(c.type), formatDutchDate(c.startDate))}</span></button></td>
                </tr>`,
                )}
              </tbody>
            </table>
          </div>`
          : html`<p>${t.noCourses(input.year)}</p>`
      }`;
  }
  return html`<section class="list-section" part="section" aria-labelledby="section-heading">
    <h2 id="section-heading" tabindex="-1">${t.sections.courses}</h2>
    <p>${t.coursesIntro}</p>
    <p class="notice" id="notice" role="status" tabindex="-1">${input.notice}</p>
    <div class="list-tools">
      <div class="field">
        <label for="course-year">${t.courseYear}</label>
        <select id="course-year" class="control short" @change=${(e: Event) => intents.year(Number((e.target as HTMLSelectElement).value))}>
          ${input.years.map((y) => html`<option value=${y} ?selected=${y === input.year}>${y}</option>`)}
        </select>
      </div>
      <button class="button primary" type="button" id="new-course" @click=${() => intents.add()}>${t.newCourse}</button>
    </div>
    ${body}
  </section>`;
}

export interface CourseFormInput {
  t: AdminTexts;
  id: string | null;
  /** "Digisterker op 12-03-2026", for the heading and the confirmation. */
  title: string;
  draft: CourseDraft;
  errors: Partial<Record<CourseField, string>>;
  show: boolean;
  locations: { id: string; name: string }[];
  types: { code: string; label: string }[];
  saving: boolean;
  problem: string | null;
  conflict: boolean;
  confirmDelete: boolean;
}

export interface CourseFormIntents {
  field(name: CourseField, value: string): void;
  save(event: SubmitEvent): void;
  back(): void;
  reload(): void;
  askDelete(on: boolean): void;
  deleteCourse(): void;
}

export function renderCourseForm(input: CourseFormInput, intents: CourseFormIntents): TemplateResult {
  const { t, draft } = input;
  const error = (name: CourseField) => (input.show ? input.errors[name] : undefined);
  const described = (name: CourseField, hint?: boolean) =>
    [hint ? `${name}-hint` : '', error(name) ? `${name}-error` : ''].filter(Boolean).join(' ') || nothing;
  const message = (name: CourseField) =>
    error(name)
      ? html`<p class="error" id="${name}-error"><span class="visually-hidden">${t.errorPrefix}</span>${error(name)}</p>`
      : nothing;
  const number = (name: 'sessions' | 'enrolled' | 'completed', label: string, hint?: string) => html`<div class="field">
    <label for=${name}>${label}${name === 'completed' ? html` <span class="optional">${t.optional}</span>` : nothing}</label>
    ${hint ? html`<p class="hint" id="${name}-hint">${hint}</p>` : nothing}
    ${message(name)}
    <input id=${name} class="control short" inputmode="numeric" autocomplete="off" .value=${draft[name]}
      aria-invalid=${error(name) ? 'true' : 'false'} aria-describedby=${described(name, !!hint)}
      @input=${(e: Event) => intents.field(name, (e.target as HTMLInputElement).value)} />
  </div>`;
  const select = (name: 'locationId' | 'type', label: string, options: { value: string; label: string }[]) => html`<div class="field">
    <label for=${name}>${label}</label>
    ${message(name)}
    <select id=${name} class="control" aria-invalid=${error(name) ? 'true' : 'false'} aria-describedby=${described(name)}
      @change=${(e: Event) => intents.field(name, (e.target as HTMLSelectElement).value)}>
      <option value="" ?selected=${!draft[name]}>${t.choose}</option>
      ${options.map((o) => html`<option value=${o.value} ?selected=${draft[name] === o.value}>${o.label}</option>`)}
    </select>
  </div>`;
  return html`<section class="form-section" part="section" aria-labelledby="form-heading">
    <p><button class="button quiet back" type="button" @click=${() => intents.back()}>← ${t.backToCourses}</button></p>
    <h2 id="form-heading" tabindex="-1">${input.id ? t.editCourseHeading(input.title) : t.newCourse}</h2>
    ${
      input.conflict
        ? html`<div class="problem conflict" id="conflict" role="alert" tabindex="-1">
          <h3>${t.conflictHeading}</h3>
          <p>${t.conflictText}</p>
          <p class="actions"><button class="button" type="button" id="conflict-reload" @click=${() => intents.reload()}>${t.conflictReload}</button></p>
        </div>`
        : nothing
    }
    ${input.problem ? html`<div class="problem" id="form-problem" role="alert" tabindex="-1"><p><span class="visually-hidden">${t.errorPrefix}</span>${input.problem}</p></div>` : nothing}
    <form class="location-form course-form" novalidate @submit=${(e: SubmitEvent) => intents.save(e)}>
      ${select(
        'locationId',
        t.courseLocation,
        input.locations.map((l) => ({ value: l.id, label: l.name })),
      )}
      ${select(
        'type',
        t.courseType,
        input.types.map((x) => ({ value: x.code, label: x.label })),
      )}
      <div class="field">
        <label for="startDate">${t.courseStart}</label>
        <p class="hint" id="startDate-hint">${t.dateHint}</p>
        ${message('startDate')}
        <input id="startDate" class="control short" inputmode="numeric" autocomplete="off" .value=${draft.startDate}
          aria-invalid=${error('startDate') ? 'true' : 'false'} aria-describedby=${described('startDate', true)}
          @input=${(e: Event) => intents.field('startDate', (e.target as HTMLInputElement).value)} />
      </div>
      ${number('sessions', t.courseSessions, t.sessionsHint)}
      ${number('enrolled', t.courseEnrolled, t.enrolledHint)}
      ${number('completed', t.courseCompleted, t.completedHint)}
      <div class="field">
        <label for="course-note">${t.note} <span class="optional">${t.optional}</span></label>
        <p class="hint" id="course-note-hint">${t.courseNoteHint}</p>
        <input id="course-note" class="control" autocomplete="off" .value=${draft.note} aria-describedby="course-note-hint"
          @input=${(e: Event) => intents.field('note', (e.target as HTMLInputElement).value)} />
      </div>
      <div class="actions save-bar">
        <button class="button primary" type="submit" id="save-course" aria-disabled=${input.saving ? 'true' : 'false'}>${input.saving ? t.saving : t.save}</button>
        <button class="button" type="button" @click=${() => intents.back()}>${t.cancel}</button>
      </div>
      ${
        input.id
          ? html`<div class="danger">
            ${
              input.confirmDelete
                ? html`<div class="confirm" role="alertdialog" aria-labelledby="confirm-heading" aria-describedby="confirm-text">
                  <h3 id="confirm-heading" tabindex="-1">${t.confirmDeleteCourse(input.title)}</h3>
                  <p id="confirm-text">${t.confirmDeleteCourseText}</p>
                  <p class="actions">
                    <button class="button danger-button" type="button" id="delete-yes" @click=${() => intents.deleteCourse()}>${t.confirmDeleteYes(input.title)}</button>
                    <button class="button" type="button" id="delete-no" @click=${() => intents.askDelete(false)}>${t.confirmDeleteNo}</button>
                  </p>
                </div>`
                : html`<button class="button quiet" type="button" id="delete" @click=${() => intents.askDelete(true)}>${t.deleteCourse}</button>`
            }
          </div>`
          : nothing
      }
    </form>
  </section>`;
}
