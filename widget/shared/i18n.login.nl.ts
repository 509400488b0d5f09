/** Dutch texts of the staff login form (login.ts, login-form.ts), shared by `<ido-rapportage>` and `<ido-beheer>`: B1, "je". */
export const nl = {
  /** Visually hidden prefix of an error, so a screen reader says it is one. */
  errorPrefix: 'Fout: ',
  email: 'E-mailadres',
  password: 'Wachtwoord',
  login: 'Inloggen',
  loggingIn: 'Bezig met inloggen…',
  emailMissing: 'Vul je e-mailadres in.',
  emailInvalid: 'Vul een e-mailadres in zoals naam@bibliotheek.nl.',
  passwordMissing: 'Vul je wachtwoord in.',
  loginFailed: 'Het e-mailadres of het wachtwoord klopt niet. Controleer ze en probeer het opnieuw.',
  loginBusy: 'Je hebt te vaak geprobeerd in te loggen. Wacht een minuut en probeer het dan opnieuw.',
  networkError: 'Er is geen verbinding met de server. Controleer je internetverbinding en probeer het opnieuw.',
  loginServerError: 'Inloggen lukt nu niet. Dat ligt niet aan jou. Probeer het over een paar minuten opnieuw.',
  sessionExpired: 'Je bent uitgelogd, omdat je sessie is verlopen. Log opnieuw in om verder te gaan.',
  loggedInAs: (email: string) => `Ingelogd als ${email}`,
  logout: 'Uitloggen',
  loggedOut: 'Je bent uitgelogd.',
};

export type LoginTexts = typeof nl;
