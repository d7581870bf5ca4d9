package rules

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tiercel/tiercel/slo"
)

// Every field the documentation lists is visible to CEL with its type.
func TestCELVariables(t *testing.T) {
	conds := map[string]string{
		"case":      "case.tier == 'x' && case.priority == 'P1' && case.opened == timestamp('2026-11-30T08:00:00Z') && case.zone == 'Europe/Paris' && case.language == 'fr' && case.account == 'acme' && case.country == 'fr' && case.attrs.vip == true",
		"account":   "account.id == 'acme' && account.zone == 'Europe/Paris' && account.country == 'fr'",
		"tier":      "tier.id == 'x' && tier.name == 'X' && tier.family == 'f' && !tier.legacy && tier.aliases == ['ex'] && 'fr' in tier.languages && tier.channels == ['console'] && size(tier.services) == 0",
		"now":       "now == timestamp('2026-11-30T09:00:00Z') && now - case.opened == duration('1h')",
		"contract":  "contract.tier == '' && contract.spend.minor == 0 && contract.spend.units == 0 && contract.spend.currency == '' && size(contract.attrs) == 0",
		"principal": "principal.id == '' && size(principal.roles) == 0 && size(principal.groups) == 0",
	}
	opened := time.Date(2026, 11, 30, 8, 0, 0, 0, time.UTC)
	c := Case{Tier: "ex", Priority: slo.P1, Opened: opened, Zone: "Europe/Paris", Language: "fr", Account: "acme", Country: "fr",
		Attrs: map[string]any{"vip": true}, Now: new(opened.Add(time.Hour))}
	for name, cond := range conds {
		t.Run(name, func(t *testing.T) {
			src := "tiers:\n  x:\n    name: X\n    family: f\n    aliases: [ex]\n    languages: [fr]\n    channels: [console]\n    response: {P1: 1h 24x7}\n" +
				"rules:\n  - id: seen\n    when: \"" + cond + "\"\n    within: 5m\n"
			e, err := Compile("t.yaml", []byte(src))
			require.NoError(t, err)
			d, err := e.Deadline(c)
			require.NoError(t, err)
			assert.Equal(t, "seen", d.Rule, "%s did not hold", cond)
		})
	}
	t.Run("now defaults to the opening instant", func(t *testing.T) {
		src := okTier + "rules:\n  - id: seen\n    when: now == case.opened\n    within: 5m\n"
		e, err := Compile("t.yaml", []byte(src))
		require.NoError(t, err)
		d, err := e.Deadline(Case{Tier: "x", Priority: slo.P1, Opened: opened})
		require.NoError(t, err)
		assert.Equal(t, "seen", d.Rule)
	})
}

// Mistakes about the variables are compile errors, positioned in the file.
func TestCELTypeErrors(t *testing.T) {
	tests := []struct {
		name, when, want string
	}{
		{"unknown variable", "request.user == 'a'", "t.yaml:7:12: rules[0].when: undeclared reference to 'request'"},
		{"unknown field of tier", "tier.colour == 'red'", "t.yaml:7:16: rules[0].when: undefined field 'colour'"},
		{"priority is a string", "case.priority == 1", "t.yaml:7:26: rules[0].when: found no matching overload for '_==_' applied to '(string, int)'"},
		{"legacy is a bool", "tier.legacy == 'yes'", "t.yaml:7:24: rules[0].when: found no matching overload for '_==_' applied to '(bool, string)'"},
		{"roles is a list", "principal.roles == 'admin'", "t.yaml:7:28: rules[0].when: found no matching overload for '_==_' applied to '(list(string), string)'"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Compile("t.yaml", []byte(okTier+"rules:\n  - id: r\n    when: \""+tc.when+"\"\n    within: 2h\n"))
			require.Error(t, err)
			assert.Equal(t, tc.want, err.Error())
		})
	}
}
