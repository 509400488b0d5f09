/** English texts of the staff login form. */
import type { LoginTexts } from './i18n.login.nl.js';

export const en: LoginTexts = {
  errorPrefix: 'Error: ',
  email: 'Email address',
  password: 'Password',
  login: 'Log in',
  loggingIn: 'Logging in…',
  emailMissing: 'Enter your email address.',
  emailInvalid: 'Enter an email address like name@library.nl.',
  passwordMissing: 'Enter your password.',
  loginFailed: 'The email address or password is not correct. Check them and try again.',
  loginBusy: 'You tried to log in too often. Wait a minute, then try again.',
  networkError: 'There is no connection to the server. Check your internet connection and try again.',
  loginServerError: 'Logging in does not work right now. This is not your fault. Try again in a few minutes.',
  sessionExpired: 'You have been logged out because your session expired. Log in again to continue.',
  loggedInAs: (email) => `Logged in as ${email}`,
  logout: 'Log out',
  loggedOut: 'You have logged out.',
};
