/**
 * Styles of the staff elements' login form and what comes with it (the account line, fields with
 * their errors, problem and notice boxes): shared by `<ido-rapportage>` and `<ido-beheer>`, in
 * their lazy chunks. Tokens only (see styles.ts).
 */
import { css } from 'lit';

export const staffForms = css`
  .account {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0 calc(var(--_space) * 0.5);
    color: var(--_muted);
  }
  .account .button {
    color: var(--_link);
  }
  /* Quiet buttons read as links: no inset, so they line up with the text (still 44 px tall). */
  .account .button.quiet {
    padding-inline: 0;
  }

  /* Login. */
  .login {
    display: grid;
    gap: var(--_space);
    max-inline-size: 30em;
  }
  .login form {
    display: grid;
    gap: calc(var(--_space) * 1.25);
  }
  .field {
    display: grid;
    gap: 0.25em;
  }
  .field .error {
    margin: 0;
  }
  .login .actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space);
  }

  /* A message that something went wrong, or needs doing: a bar, a word and the text, never colour alone. */
  .problem {
    padding-block: calc(var(--_space) * 0.75);
    padding-inline: var(--_space);
    border: 2px solid var(--_error);
    border-inline-start-width: 8px;
    border-radius: var(--_radius);
    background: var(--_bg);
  }
  .problem p:last-child,
  .problem ul:last-child {
    margin-block-end: 0;
  }
  .problem h3 {
    font-size: 1.1em;
  }
  .problem ul {
    margin-block: 0;
    padding-inline-start: 1.25em;
  }
  .problem a {
    color: var(--_error);
    font-weight: 600;
  }
  .notice {
    padding-block: calc(var(--_space) * 0.75);
    padding-inline: var(--_space);
    border: 2px solid var(--_success-border);
    border-inline-start-width: 8px;
    border-radius: var(--_radius);
    background: var(--_success-bg);
  }
  .notice:empty {
    display: none;
  }
  @media (forced-colors: active) {
    .problem,
    .notice {
      border-color: CanvasText;
    }
  }
`;
