import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hasRole, adminPagesFor } from '../src/js/roles.js';

test('staff pages follow the roles the session holds, not the roles granted', () => {
  const staffWithoutSecondFactor = { roles: [{ role: 'ADMIN' }], activeRoles: ['CITIZEN'] };
  assert.deepEqual(adminPagesFor(staffWithoutSecondFactor), []);
  assert.deepEqual(adminPagesFor({ roles: [{ role: 'ADMIN' }], activeRoles: ['ADMIN', 'CITIZEN'] }),
    ['organisations', 'users', 'outbox', 'audit', 'holidays']);
  assert.ok(hasRole({ activeRoles: ['AUDITOR'] }, 'ADMIN', 'AUDITOR'));
  assert.ok(!hasRole(null, 'ADMIN'));
  assert.deepEqual(adminPagesFor({ roles: [{ role: 'ELECTION_ADMIN' }], activeRoles: ['ELECTION_ADMIN'] }), ['elections', 'election-new']);
  assert.deepEqual(adminPagesFor({ roles: [{ role: 'ELECTION_ADMIN' }], activeRoles: ['CITIZEN'] }), []);
});
