package rules

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tiercel/tiercel/entitlement"
	"github.com/tiercel/tiercel/slo"
)

func TestAllowedByRole(t *testing.T) {
	const (
		editor     = "roles/cloudsupport.techSupportEditor"
		techViewer = "roles/cloudsupport.techSupportViewer"
		admin      = "roles/cloudsupport.admin"
		viewer     = "roles/cloudsupport.viewer"
	)
	caseActions := []string{"cases.view", "cases.create", "cases.comment", "cases.attach", "cases.update", "cases.escalate"}
	// A case opened by someone else: editing rights do not depend on authorship.
	kase := Case{
		Tier: "enhanced", Priority: slo.P2, Account: "acme",
		Opened: time.Date(2024, 5, 6, 10, 0, 0, 0, time.UTC),
		Attrs:  map[string]any{"author": "user:bob@example.com"},
	}
	tests := []struct {
		name    string
		roles   []string
		allowed map[string]bool // the case actions allowed; the others are denied
	}{
		{"tech support editor", []string{editor}, map[string]bool{"cases.view": true, "cases.create": true, "cases.comment": true, "cases.attach": true, "cases.update": true, "cases.escalate": true}},
		{"admin", []string{admin}, map[string]bool{"cases.view": true, "cases.create": true, "cases.comment": true, "cases.attach": true, "cases.update": true, "cases.escalate": true}},
		{"tech support viewer", []string{techViewer}, map[string]bool{"cases.view": true}},
		{"viewer", []string{viewer}, map[string]bool{"cases.view": true}},
		{"viewer and editor", []string{viewer, editor}, map[string]bool{"cases.view": true, "cases.create": true, "cases.comment": true, "cases.attach": true, "cases.update": true, "cases.escalate": true}},
		{"no role", nil, map[string]bool{}},
		{"unrelated role", []string{"roles/owner"}, map[string]bool{}},
	}
	for _, tt := range tests {
		for _, action := range caseActions {
			t.Run(tt.name+"/"+action, func(t *testing.T) {
				p := entitlement.Principal{ID: "user:ana@example.com", Roles: tt.roles}
				d, err := Default().Allowed(action, p, kase)
				require.NoError(t, err)
				assert.Equal(t, entitlement.Decision{Action: action, Allowed: tt.allowed[action], Rule: "permissions." + action}, d)
			})
		}
	}
}

func TestAllowedChat(t *testing.T) {
	tests := []struct {
		name, tier string
		allowed    bool
	}{
		{"looker premier keeps chat", "looker-premier", true},
		{"enhanced has no chat", "enhanced", false},
		{"no tier", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := Default().Allowed("chat.use", entitlement.Principal{ID: "user:ana@example.com"}, Case{Tier: tt.tier})
			require.NoError(t, err)
			assert.Equal(t, entitlement.Decision{Action: "chat.use", Allowed: tt.allowed, Rule: "permissions.chat.use"}, d)
		})
	}
}

func TestAllowedErrors(t *testing.T) {
	editor := entitlement.Principal{Roles: []string{"roles/cloudsupport.techSupportEditor"}}
	tests := []struct {
		name, action string
		c            Case
		is           error
		msg          string
	}{
		{"unknown action", "cases.delete", Case{}, ErrUnknownAction,
			`unknown action "cases.delete" (known: cases.attach, cases.comment, cases.create, cases.escalate, cases.update, cases.view, chat.use)`},
		{"unknown tier", "cases.view", Case{Tier: "gold"}, ErrUnknownTier,
			`permissions.cases.view: unknown tier "gold" (known: standard, enhanced, premium, looker-premier)`},
		{"invalid priority", "cases.view", Case{Priority: 9}, ErrInvalidCase,
			`permissions.cases.view: invalid case: priority 9 is not P1-P4`},
		{"invalid zone", "cases.view", Case{Zone: "Mars/Olympus"}, ErrInvalidZone,
			`permissions.cases.view: invalid zone: "Mars/Olympus"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := Default().Allowed(tt.action, editor, tt.c)
			require.ErrorIs(t, err, tt.is)
			assert.EqualError(t, err, tt.msg)
			assert.Zero(t, d)
		})
	}
}

func TestAllowedCustomCatalog(t *testing.T) {
	e, err := Compile("p.yaml", []byte(testTiers+`permissions:
  cases.close:
    description: authors close their own cases during office hours
    allow: >-
      principal.id == case.attrs.author &&
      now.getHours('UTC') >= 9 && case.priority in ['P3', 'P4']
  cases.route: "'support' in principal.groups && account.id != '' && case.tier == 'fast'"
`))
	require.NoError(t, err)
	ana := entitlement.Principal{ID: "ana", Groups: []string{"support"}}
	opened := time.Date(2024, 5, 6, 10, 0, 0, 0, time.UTC)
	tests := []struct {
		name, action string
		c            Case
		allowed      bool
	}{
		{"author closes", "cases.close", Case{Priority: slo.P3, Opened: opened, Attrs: map[string]any{"author": "ana"}}, true},
		{"now overrides opened", "cases.close", Case{Priority: slo.P3, Opened: opened, Now: new(opened.Add(-2 * time.Hour)), Attrs: map[string]any{"author": "ana"}}, false},
		{"not the author", "cases.close", Case{Priority: slo.P3, Opened: opened, Attrs: map[string]any{"author": "bob"}}, false},
		{"P1", "cases.close", Case{Priority: slo.P1, Opened: opened, Attrs: map[string]any{"author": "ana"}}, false},
		{"group, account and tier alias", "cases.route", Case{Tier: "quick", Account: "acme"}, true},
		{"no account", "cases.route", Case{Tier: "fast"}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := e.Allowed(tt.action, ana, tt.c)
			require.NoError(t, err)
			assert.Equal(t, tt.allowed, d.Allowed)
			assert.Equal(t, "permissions."+tt.action, d.Rule)
		})
	}
	t.Run("now required when read", func(t *testing.T) {
		_, err := e.Allowed("cases.close", ana, Case{Priority: slo.P3, Attrs: map[string]any{"author": "ana"}})
		require.ErrorIs(t, err, ErrInvalidCase)
		assert.EqualError(t, err, "permissions.cases.close: invalid case: the rule reads now and the case gives neither now nor opened (for 0001-01-01T00:00:00Z, give it as now)")
	})
	t.Run("now at the year 1 is an instant", func(t *testing.T) {
		year1 := time.Date(1, 1, 1, 10, 0, 0, 0, time.UTC)
		for _, c := range []Case{
			{Priority: slo.P3, Now: new(year1), Attrs: map[string]any{"author": "ana"}},
			{Priority: slo.P3, Opened: year1, Attrs: map[string]any{"author": "ana"}},
		} {
			d, err := e.Allowed("cases.close", ana, c)
			require.NoError(t, err)
			assert.True(t, d.Allowed, "10:00 on 0001-01-01 is office hours")
		}
		d, err := e.Allowed("cases.close", ana, Case{Priority: slo.P3, Now: new(time.Time{}), Attrs: map[string]any{"author": "ana"}})
		require.NoError(t, err)
		assert.False(t, d.Allowed, "0001-01-01T00:00:00Z, given as now, is decided: before 09:00")
	})
	t.Run("runtime error", func(t *testing.T) {
		_, err := e.Allowed("cases.close", ana, Case{Priority: slo.P3, Opened: opened})
		require.ErrorIs(t, err, ErrEvaluation)
		assert.EqualError(t, err, "permissions.cases.close: evaluation failed: no such key: author")
	})
}
