package rules

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tiercel/tiercel/slo"
)

func TestEngineAccessors(t *testing.T) {
	e, err := Compile("rules.yaml", []byte(rulesCatalog))
	require.NoError(t, err)
	assert.Equal(t, []string{"enhanced", "basic"}, e.Tiers())
	assert.Equal(t, []string{"24x7", "business", "business-jp"}, e.Calendars())
	cal, ok := e.Calendar("business-jp")
	require.True(t, ok)
	assert.Equal(t, "Asia/Tokyo", cal.Location().String())
	_, ok = e.Calendar("moon")
	assert.False(t, ok)

	tr, err := e.Tier("advanced")
	require.NoError(t, err)
	assert.Equal(t, "enhanced", tr.ID)
	assert.Equal(t, []string{"advanced"}, tr.Aliases)
	assert.Equal(t, slo.Target{Within: 3600e9, Calendar: "24x7"}, tr.Targets["response"][slo.P1])
	assert.Nil(t, tr.Price)

	_, err = e.Tier("gold")
	assert.ErrorIs(t, err, ErrUnknownTier)
	_, err = e.Features("gold")
	assert.ErrorIs(t, err, ErrUnknownTier)
}

// What Tier and Features return are copies: changing them leaves the
// engine as compiled.
func TestEngineReturnsCopies(t *testing.T) {
	e := Default()
	tr, err := e.Tier("enhanced")
	require.NoError(t, err)
	tr.Targets["response"][slo.P1] = slo.Target{Within: 1, Calendar: "x"}
	tr.Features.Languages[0] = "xx"
	tr.Aliases[0] = "gold"
	tr.Price.Bands[0].Unbounded = true

	again, err := e.Tier("enhanced")
	require.NoError(t, err)
	assert.Equal(t, "1h 24x7", again.Targets["response"][slo.P1].String())
	assert.Equal(t, "en", again.Features.Languages[0])
	assert.Equal(t, []string{"advanced"}, again.Aliases)
	assert.False(t, again.Price.Bands[0].Unbounded)

	f, err := e.Features("advanced")
	require.NoError(t, err)
	f.Channels[0] = "fax"
	f2, _ := e.Features("enhanced")
	assert.Equal(t, []string{"console"}, f2.Channels)
}

// Tier names are read as priorities are: ignoring case.
func TestTierNamesIgnoreCase(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want string // the tier id, or the error text
	}{
		{"exact", "standard", "standard"},
		{"capitalised", "Standard", "standard"},
		{"upper-case alias", "ADVANCED", "enhanced"},
		{"unknown", "gold", `unknown tier "gold" (known: standard, enhanced, premium, looker-premier)`},
		{"unknown in capitals", "GOLD", `unknown tier "GOLD" (known: standard, enhanced, premium, looker-premier)`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tr, err := Default().Tier(tt.in)
			if err != nil {
				assert.ErrorIs(t, err, ErrUnknownTier)
				assert.EqualError(t, err, tt.want)
				return
			}
			assert.Equal(t, tt.want, tr.ID)
		})
	}
}

func TestCompileReportsEveryErrorSortedByPosition(t *testing.T) {
	src := "tiers:\n" +
		"  x:\n" +
		"    name: X\n" +
		"    response: {P1: 1h moon, P2: 2h sun}\n" +
		"rules:\n" +
		"  - id: r\n" +
		"    when: case.nope\n" +
		"    within: 2h\n" +
		"calendars:\n" +
		"  b: {zone: Nowhere/City, hours: {mon: \"09:00-17:00\"}}\n"
	_, err := Compile("t.yaml", []byte(src))
	var list ErrorList
	require.True(t, errors.As(err, &list), "want an ErrorList, got %T: %v", err, err)
	assert.Equal(t, "t.yaml:4:20: tiers.x.response.P1: unknown calendar \"moon\"\n"+
		"t.yaml:4:33: tiers.x.response.P2: unknown calendar \"sun\"\n"+
		"t.yaml:7:15: rules[0].when: undefined field 'nope'\n"+
		"t.yaml:10:13: calendars.b.zone: unknown time zone \"Nowhere/City\"", err.Error())
	var first *Error
	require.True(t, errors.As(err, &first))
	assert.Equal(t, 4, first.Line)
	assert.Equal(t, "tiers.x.response.P1", first.Path)
	assert.ErrorIs(t, err, ErrInvalidCatalog)
}

func TestLoadMergesFilesWithUniqueIDs(t *testing.T) {
	dir := t.TempDir()
	write := func(name, src string) string {
		p := filepath.Join(dir, name)
		require.NoError(t, os.WriteFile(p, []byte(src), 0o600))
		return p
	}
	cals := write("calendars.yaml", "calendars:\n  office:\n    zone: Europe/Paris\n    hours: {mon-fri: \"09:00-17:00\"}\n")
	tiers := write("tiers.yaml", "tiers:\n  gold:\n    name: Gold\n    aliases: [au]\n    response: {P1: 2h office, P2: 1d 24x7}\n")
	t.Run("merged", func(t *testing.T) {
		fixed := write("tiers-ok.yaml", "tiers:\n  gold:\n    name: Gold\n    aliases: [au]\n    response: {P1: 2h office, P2: 24h 24x7}\n")
		e, err := Load(cals, fixed)
		require.NoError(t, err)
		assert.Equal(t, []string{"gold"}, e.Tiers())
		assert.Equal(t, []string{"24x7", "office"}, e.Calendars())
		// Friday 16:00 Paris + 2h of office hours: Monday 10:00.
		d, err := e.Deadline(Case{Tier: "au", Priority: slo.P1, Opened: time.Date(2026, 3, 6, 16, 0, 0, 0, mustZone(t, "Europe/Paris"))})
		require.NoError(t, err)
		assert.Equal(t, time.Date(2026, 3, 9, 10, 0, 0, 0, mustZone(t, "Europe/Paris")), d.Due)
		assert.Equal(t, "tiers.gold.response.P1", d.Rule)
	})
	t.Run("bad duration reported with its file", func(t *testing.T) {
		_, err := Load(cals, tiers)
		require.Error(t, err)
		assert.Contains(t, err.Error(), filepath.Join(dir, "tiers.yaml")+":5:35: tiers.gold.response.P2: invalid target \"1d 24x7\"")
	})
	t.Run("duplicate ids across files", func(t *testing.T) {
		again := write("again.yaml", "calendars:\n  office:\n    zone: UTC\n    hours: {mon: \"09:00-10:00\"}\ntiers:\n  au:\n    name: Au\n    response: {P1: 1h 24x7}\n")
		fixed := write("tiers-ok2.yaml", "tiers:\n  gold:\n    name: Gold\n    aliases: [au]\n    response: {P1: 2h office}\n")
		_, err := Load(cals, fixed, again)
		require.Error(t, err)
		assert.Equal(t,
			again+":2:3: calendars.office: duplicate calendar \"office\" (first defined at "+cals+":2:3)\n"+
				fixed+":4:15: tiers.gold.aliases[0]: alias \"au\" clashes with the tier or alias at "+again+":6:3",
			err.Error())
	})
	t.Run("missing file", func(t *testing.T) {
		_, err := Load(filepath.Join(dir, "absent.yaml"))
		assert.ErrorIs(t, err, ErrInvalidCatalog)
		assert.ErrorIs(t, err, os.ErrNotExist)
	})
	t.Run("no files", func(t *testing.T) {
		_, err := Load()
		assert.ErrorIs(t, err, ErrInvalidCatalog)
	})
}

func FuzzCompile(f *testing.F) {
	f.Add(DefaultCatalog())
	for _, tc := range malformed {
		f.Add([]byte(tc.src))
	}
	f.Add([]byte(okTier + "rules:\n  - id: r\n    when: case.attrs['x'] == 1\n    calendar: 24x7\n    within: 1m\n"))
	f.Add([]byte(zendeskTiers + zendeskLifecycle)) // metrics the catalog declares
	opened := time.Date(2026, 3, 8, 1, 30, 0, 0, time.UTC)
	f.Fuzz(func(t *testing.T, src []byte) {
		e, err := Compile("f.yaml", src)
		if err != nil {
			require.Nil(t, e)
			require.ErrorIs(t, err, ErrInvalidCatalog)
			var list ErrorList
			if !errors.As(err, &list) {
				var one *Error
				require.True(t, errors.As(err, &one), "unpositioned error %T: %v", err, err)
				list = ErrorList{one}
			}
			for _, pe := range list {
				require.Equal(t, "f.yaml", pe.File)
				require.Positive(t, pe.Line, "error without a line: %v", pe)
				require.Positive(t, pe.Column, "error without a column: %v", pe)
			}
			return
		}
		require.NotEmpty(t, e.Tiers())
		for _, id := range e.Tiers() {
			for _, p := range slo.Priorities {
				d, err := e.Deadline(Case{Tier: id, Priority: p, Opened: opened, Zone: "Australia/Sydney"})
				if err == nil {
					require.False(t, d.Due.Before(opened), "due %v before opened %v", d.Due, opened)
				}
			}
		}
	})
}
