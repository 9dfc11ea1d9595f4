import { t } from './i18n.js';
// What the operator is told after the connection to the server dropped and came back: how long it was down, what
// dispatch did meanwhile, and the state they are in now. Pure: the page shows the text.

/**
 * @param lostMillis how long the connection was down
 * @param status the first status the server sent after the reconnect ({state, reason})
 * @param hadOffer whether an offer was on screen when the connection dropped
 */
export function reconnectNotice(lostMillis, status, hadOffer) {
  const seconds = Math.max(1, Math.round(lostMillis / 1000));
  const parts = [t('screen.connection-lost-for', { seconds })];
  if (hadOffer) parts.push(t('screen.reconnect.the-call-offered-to-you-was'));
  if (status.reason === 'restored') {
    parts.push(t('screen.reconnect.you-were-set-away-while-disconnected'));
  } else if (status.reason === 'disconnected' || (status.state === 'away' && hadOffer)) {
    parts.push(`${t('screen.reconnect.you-were-set-away-while-disconnected-2')} `
      + t('screen.reconnect.press-available-to-take-calls-again'));
  } else if (status.state === 'on-call') {
    parts.push(t('screen.reconnect.your-call-is-still-in-progress'));
  } else if (status.state === 'wrap-up') {
    parts.push(t('screen.reconnect.you-are-still-in-wrap-up'));
  } else if (status.state === 'offered') {
    parts.push(t('screen.reconnect.your-call-is-still-being-put'));
  } else {
    parts.push(t('screen.reconnect.nothing-changed-while-you-were-away'));
  }
  return parts.join(' ');
}
