// What the operator is told after the connection to the server dropped and came back: how long it was down, what
// dispatch did meanwhile, and the state they are in now. Pure: the page shows the text.

/**
 * @param lostMillis how long the connection was down
 * @param status the first status the server sent after the reconnect ({state, reason})
 * @param hadOffer whether an offer was on screen when the connection dropped
 */
export function reconnectNotice(lostMillis, status, hadOffer) {
  const seconds = Math.max(1, Math.round(lostMillis / 1000));
  const parts = [`Connection lost for ${seconds} s.`];
  if (hadOffer) parts.push('The call offered to you was taken back while you were disconnected.');
  if (status.reason === 'restored') {
    parts.push('You were set Away while disconnected; you are Available again.');
  } else if (status.reason === 'disconnected' || (status.state === 'away' && hadOffer)) {
    parts.push('You were set Away while disconnected, and stay Away because it lasted long. '
      + 'Press Available to take calls again.');
  } else if (status.state === 'on-call') {
    parts.push('Your call is still in progress; your notes are kept.');
  } else if (status.state === 'wrap-up') {
    parts.push('You are still in wrap-up; your notes are kept.');
  } else if (status.state === 'offered') {
    parts.push('Your call is still being put through.');
  } else {
    parts.push('Nothing changed while you were away from the server.');
  }
  return parts.join(' ');
}
