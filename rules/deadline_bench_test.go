package rules

import (
	"testing"
	"time"

	"cel.dev/cel-go/cel"
	rcal "github.com/rickar/cal/v2"
	"github.com/rickar/cal/v2/us"
	"github.com/stretchr/testify/require"

	"github.com/tiercel/tiercel/slo"
)

// handWritten is the reference for the engine's overhead: a cel-go program
// written by hand that picks the same response time from plain variables,
// evaluated with a map activation, followed by the same calendar call.
type handWritten struct {
	prg cel.Program
	cal *slo.Calendar
}

func newHandWritten(tb testing.TB, src string, opts ...cel.ProgramOption) handWritten {
	env, err := cel.NewEnv(
		cel.Variable("priority", cel.StringType),
		cel.Variable("language", cel.StringType),
		cel.Variable("account", cel.StringType),
		cel.Variable("attrs", cel.MapType(cel.StringType, cel.DynType)),
	)
	require.NoError(tb, err)
	ast, iss := env.Compile(src)
	require.NoError(tb, iss.Err())
	prg, err := env.Program(ast, append([]cel.ProgramOption{cel.EvalOptions(cel.OptOptimize)}, opts...)...)
	require.NoError(tb, err)
	return handWritten{prg: prg, cal: slo.AlwaysOpen()}
}

func (h handWritten) deadline(tb testing.TB, opened time.Time, priority, language string) time.Time {
	out, _, err := h.prg.Eval(map[string]any{"priority": priority, "language": language, "account": "other", "attrs": map[string]any{}})
	if err != nil {
		tb.Fatal(err)
	}
	return h.cal.Add(opened, out.Value().(time.Duration))
}

// BenchmarkDeadline24x7 compares Engine.Deadline on a 24x7 target with a
// hand-written cel-go program choosing the same duration plus the same
// calendar call, in one run:
//
//	go test -run '^$' -bench 'Deadline24x7' -benchmem ./rules/
func BenchmarkDeadline24x7(b *testing.B) {
	opened := time.Date(2026, 11, 30, 8, 0, 0, 0, time.UTC)
	b.Run("engine/default-catalog", func(b *testing.B) {
		e := Default()
		c := Case{Tier: "enhanced", Priority: slo.P2, Opened: opened}
		b.ReportAllocs()
		for b.Loop() {
			if _, err := e.Deadline(c); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("engine/with-rules", func(b *testing.B) {
		// Three rules can apply to enhanced P2 and none matches: the whole
		// first-match chain runs, then the table decides.
		e, err := Compile("rules.yaml", []byte(rulesCatalog))
		require.NoError(b, err)
		c := Case{Tier: "enhanced", Priority: slo.P2, Opened: opened, Language: "en", Account: "other"}
		d, err := e.Deadline(c)
		require.NoError(b, err)
		require.Equal(b, "tiers.enhanced.response.P2", d.Rule)
		b.ReportAllocs()
		for b.Loop() {
			if _, err := e.Deadline(c); err != nil {
				b.Fatal(err)
			}
		}
	})
	// The same three conditions as the with-rules catalog, then the table,
	// over plain variables; once as written, once under the runtime cost
	// limit every engine program runs with.
	const src = `has(attrs.outage) && attrs.outage == true ? duration('30m') :
			account == 'acme' && priority == 'P2' ? duration('2h') :
			language == 'ja' ? duration('1m') :
			priority == 'P1' ? duration('1h') : priority == 'P2' ? duration('4h') : duration('8h')`
	for _, hw := range []struct {
		name string
		opts []cel.ProgramOption
	}{
		{"hand-written-cel", nil},
		{"hand-written-cel-cost-limit", []cel.ProgramOption{cel.CostLimit(runtimeCostLimit)}},
	} {
		b.Run(hw.name, func(b *testing.B) {
			h := newHandWritten(b, src, hw.opts...)
			require.Equal(b, opened.Add(4*time.Hour), h.deadline(b, opened, "P2", "en"))
			b.ReportAllocs()
			for b.Loop() {
				h.deadline(b, opened, "P2", "en")
			}
		})
	}
}

// BenchmarkDeadlineBusiness compares Engine.Deadline on an 8h business-hours
// target (Mon-Fri 09:00-17:00 New York with US holidays) with rickar/cal's
// AddWorkHours alone on the same calendar:
//
//	go test -run '^$' -bench 'DeadlineBusiness' -benchmem ./rules/
func BenchmarkDeadlineBusiness(b *testing.B) {
	ny := mustZone(b, "America/New_York")
	// The eve of Thanksgiving: 2h on Wednesday, Thursday closed, 6h on Friday.
	opened := time.Date(2026, 11, 25, 15, 0, 0, 0, ny)
	want := time.Date(2026, 11, 27, 15, 0, 0, 0, ny)
	b.Run("engine", func(b *testing.B) {
		e, err := Compile("ny.yaml", []byte(`
calendars:
  business-us:
    zone: America/New_York
    hours: {mon-fri: "09:00-17:00"}
    holidays: [us]
tiers:
  standard:
    name: Standard
    response: {P3: 8h business-us}
`))
		require.NoError(b, err)
		c := Case{Tier: "standard", Priority: slo.P3, Opened: opened}
		d, err := e.Deadline(c)
		require.NoError(b, err)
		require.True(b, want.Equal(d.Due), "%v", d.Due)
		b.ReportAllocs()
		for b.Loop() {
			if _, err := e.Deadline(c); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("rickar-AddWorkHours", func(b *testing.B) {
		bc := rcal.NewBusinessCalendar()
		bc.AddHoliday(us.Holidays...)
		bc.SetWorkHours(9*time.Hour, 17*time.Hour)
		got := bc.AddWorkHours(opened, 8*time.Hour)
		require.True(b, want.Equal(got), "rickar: %v", got)
		b.ReportAllocs()
		for b.Loop() {
			bc.AddWorkHours(opened, 8*time.Hour)
		}
	})
}

// BenchmarkCompileDefault measures compiling the embedded catalog:
//
//	go test -run '^$' -bench 'CompileDefault' -benchmem ./rules/
func BenchmarkCompileDefault(b *testing.B) {
	src := DefaultCatalog()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Compile("default.yaml", src); err != nil {
			b.Fatal(err)
		}
	}
}

// Allocation budgets of a decision, so a regression shows in go test.
func TestDeadlineAllocations(t *testing.T) {
	if raceEnabled {
		t.Skip("the race detector adds allocations; budgets are checked without -race")
	}
	opened := time.Date(2026, 11, 30, 8, 0, 0, 0, time.UTC)
	e := Default()
	table := Case{Tier: "enhanced", Priority: slo.P3, Opened: opened, Zone: "Europe/Paris"}
	_, err := e.Deadline(table)
	require.NoError(t, err)
	if n := testing.AllocsPerRun(200, func() { _, _ = e.Deadline(table) }); n > 0 {
		t.Errorf("Deadline decided by the table: %.0f allocations, want 0", n)
	}
	withRules, err := Compile("rules.yaml", []byte(rulesCatalog))
	require.NoError(t, err)
	c := Case{Tier: "enhanced", Priority: slo.P2, Opened: opened, Language: "en", Account: "other"}
	if n := testing.AllocsPerRun(200, func() { _, _ = withRules.Deadline(c) }); n > 12 {
		t.Errorf("Deadline through a three-rule chain: %.0f allocations, want at most 12", n)
	}
}
