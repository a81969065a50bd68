import assert from 'node:assert/strict';
import { test } from 'node:test';
import { composeNotification, escapeHtml, SIGN_OUT_SENTENCE } from './compose';

const off = { inboundCalling: false, outboundCalling: false, sms: false };

test('an assignment names the new number, formatted, says permissions are off and how to start using it', () => {
  const mail = composeNotification({ kind: 'Assigned', fullName: 'Jane Doe', e164: '+12065550100', permissions: off });
  assert.equal(mail.subject, 'Your new phone number is +1 206 555 0100');
  assert.match(mail.text, /^Hello Jane Doe,/);
  assert.match(mail.text, /gave you the phone number \+1 206 555 0100\./);
  assert.match(mail.text, /- Phone number: \+1 206 555 0100\n- Inbound calling: off\n- Outbound calling: off\n- SMS: off/);
  assert.ok(mail.text.includes(SIGN_OUT_SENTENCE));
  assert.ok(mail.html.includes('+1 206 555 0100'));
  assert.ok(mail.html.includes(SIGN_OUT_SENTENCE));
});

test('a permissions change lists each permission as it is now', () => {
  const mail = composeNotification({
    kind: 'PermissionsChanged',
    fullName: 'Jane Doe',
    e164: '+12065550100',
    permissions: { inboundCalling: true, outboundCalling: false, sms: true },
  });
  assert.equal(mail.subject, 'Your calling and SMS permissions changed');
  assert.match(mail.text, /- Inbound calling: on\n- Outbound calling: off\n- SMS: on/);
  assert.match(mail.html, /<th[^>]*>SMS<\/th><td>on<\/td>/);
});

test('an unassignment says the number was removed and that they have none now', () => {
  const mail = composeNotification({ kind: 'Unassigned', fullName: 'Jane Doe', e164: null, removedE164: '+12065550100', permissions: off });
  assert.equal(mail.subject, 'Your phone number was removed');
  assert.match(mail.text, /removed your phone number \+1 206 555 0100\. You no longer have a phone number\./);
  assert.match(mail.text, /- Phone number: None/);
  assert.ok(mail.text.includes(SIGN_OUT_SENTENCE));
});

test('names are escaped in the HTML part and left as they are in the text part', () => {
  const mail = composeNotification({
    kind: 'Assigned',
    fullName: '<img src=x onerror=alert(1)> & "Co"',
    e164: '+12065550100',
    permissions: off,
  });
  assert.ok(mail.text.includes('Hello <img src=x onerror=alert(1)> & "Co",'));
  assert.ok(!mail.html.includes('<img'));
  assert.ok(mail.html.includes('Hello &lt;img src=x onerror=alert(1)&gt; &amp; &quot;Co&quot;,'));
  assert.equal(escapeHtml(`'`), '&#39;');
});
