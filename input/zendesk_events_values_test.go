package input

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tiercel/tiercel/internal/yamlpos"
)

// randomInstant returns text close to Zendesk's form of an instant: often
// exactly it, with fields in and out of range, sometimes a byte changed.
func randomInstant(rng *rand.Rand) string {
	s := fmt.Sprintf("%04d-%02d-%02dT%02d:%02d:%02dZ", rng.IntN(10000), rng.IntN(14), rng.IntN(33), rng.IntN(26), rng.IntN(62), rng.IntN(62))
	if rng.IntN(4) == 0 {
		s = time.Date(rng.IntN(10000), time.Month(1+rng.IntN(12)), 1+rng.IntN(31), rng.IntN(24), rng.IntN(60), rng.IntN(60), 0, time.UTC).Format(time.RFC3339)
	}
	switch rng.IntN(8) {
	case 0:
		b := []byte(s)
		b[rng.IntN(len(b))] = "0123456789-:TZtz+. "[rng.IntN(19)]
		s = string(b)
	case 1:
		s = strings.TrimSuffix(s, "Z") + []string{"+02:00", "-00:00", ".5Z", "z", ""}[rng.IntN(5)]
	}
	return s
}

// The fast reading of Zendesk's instants agrees with rfc3339 (time.Parse)
// wherever it reads one, to the location, and reads the usual form.
func TestZendeskTimeAgreesWithRFC3339(t *testing.T) {
	rng := rand.New(rand.NewPCG(19, 5))
	fast := 0
	for range 200_000 {
		s := randomInstant(rng)
		got, ok := zendeskTime([]byte(s))
		if !ok {
			continue
		}
		fast++
		want, err := rfc3339(s)
		require.NoError(t, err, s)
		require.True(t, want == got, "%s: %v, want %v", s, got, want)
	}
	assert.Greater(t, fast, 20_000, "the usual form is read fast")
	for _, s := range []string{"2026-07-02T20:00:00Z", "0001-01-01T00:00:00Z", "9999-12-31T23:59:59Z", "2024-02-29T12:00:00Z"} {
		_, ok := zendeskTime([]byte(s))
		assert.True(t, ok, s)
	}
	for _, s := range []string{"0000-01-01T00:00:00Z", "2026-02-29T12:00:00Z", "2026-07-02T24:00:00Z", "2026-07-02T20:00:60Z", "2026-07-02t20:00:00Z", "2026-07-02T20:00:00+00:00"} {
		_, ok := zendeskTime([]byte(s))
		assert.False(t, ok, s)
	}
}

// Every value the fast readers take is read as parsedAt reads it, with the
// same result or the same error, on random pages.
func TestZendeskValuesAgreeWithParsedAt(t *testing.T) {
	rng := rand.New(rand.NewPCG(19, 6))
	texts := []string{"0", "7", "12", "007", "+7", "-4", "-0", "1.5", "1e3", "9223372036854775807", "9223372036854775808", "123456789012345678", "1234567890123456789",
		`"12"`, `"007"`, `" 1"`, `""`, `"reply_time"`, `"re\u0070ly_time"`, `"activate"`, `"x"`, "null", "true", "[1]", `{"a": 1}`,
		"\"\xff12\"", "\"reply\xc3_time\"", "\"2026-07-02T20:00:00\xffZ\""}
	for range 5_000 {
		v := texts[rng.IntN(len(texts))]
		if rng.IntN(3) == 0 {
			v = `"` + randomInstant(rng) + `"`
		}
		src := []byte(`{"v": ` + v + `}`)
		type reading struct {
			v    any
			ok   bool
			errs string
		}
		read := func(f func(z *zscan, e *zpath, key string) (any, bool)) reading {
			z := newZscan("p.json", src, newRowErrors("p.json", ErrInvalidZendeskEvents))
			var out any
			ok := true
			e := pathOf("e")
			z.objectAt(e, func(key string, _ int) { out, ok = f(z, &e, key) })
			return reading{out, ok, fmt.Sprint(z.errs.d.Errors())}
		}
		pairs := []struct {
			name       string
			fast, slow func(z *zscan, e *zpath, key string) (any, bool)
		}{
			{"id", func(z *zscan, e *zpath, key string) (any, bool) { return z.idAt(e, key) }, func(z *zscan, e *zpath, key string) (any, bool) { return parsedAt(z, e.with(key), zendeskID) }},
			{"instance", func(z *zscan, e *zpath, key string) (any, bool) { return z.instanceAt(e, key) }, func(z *zscan, e *zpath, key string) (any, bool) { return parsedAt(z, e.with(key), instanceID) }},
			{"ticket", func(z *zscan, e *zpath, key string) (any, bool) {
				if _, tk, ok := z.ticketAt(e, key); ok {
					return tk.text, true
				}
				return "", false
			}, func(z *zscan, e *zpath, key string) (any, bool) { return parsedAt(z, e.with(key), ticketID) }},
			{"metric", func(z *zscan, e *zpath, key string) (any, bool) { return z.wordAt(e, key, "metric", ZendeskMetrics) },
				func(z *zscan, e *zpath, key string) (any, bool) {
					return parsedAt(z, e.with(key), oneOf("metric", ZendeskMetrics))
				}},
			{"time", func(z *zscan, e *zpath, key string) (any, bool) { return z.timeAt(e, key) }, func(z *zscan, e *zpath, key string) (any, bool) { return parsedAt(z, e.with(key), rfc3339) }},
		}
		for _, pr := range pairs {
			require.Equal(t, read(pr.slow), read(pr.fast), "%s of %s", pr.name, src)
		}
	}
}

// A ticket's id is read to the same text and number however it is written.
func TestZendeskTicketIDNumber(t *testing.T) {
	z := newZscan("p.json", []byte(`[12, "12", "+12", 12]`), newRowErrors("p.json", ErrInvalidZendeskEvents))
	var ids []int64
	var texts []string
	z.arrayAt(pathOf("a"), func(int) {
		a := pathOf("a")
		n, tk, ok := z.ticketAt(&a, "")
		require.True(t, ok)
		ids, texts = append(ids, n), append(texts, tk.text)
	})
	assert.Equal(t, []int64{12, 12, 12, 12}, ids)
	assert.Equal(t, []string{"12", "12", "12", "12"}, texts)
}

func TestChunks(t *testing.T) {
	var c chunks[int]
	assert.Nil(t, c.all())
	first := c.add(0)
	for i := 1; i < 3*chunkLen+5; i++ {
		c.add(i)
	}
	assert.Equal(t, 0, *first, "a pointer stays valid while the list grows")
	require.Equal(t, 3*chunkLen+5, c.len())
	all := c.all()
	for i, v := range all {
		require.Equal(t, i, v)
		require.Equal(t, i, *c.at(i))
	}
}

// parsedAt reads a string or a number at path with parse, reporting what
// is wrong at the value: ok is false then, or on a syntax error. It is the
// reference the fast readers of values (idAt, ticketAt, timeAt...) agree with.
func parsedAt[T any](z *zscan, path zpath, parse func(string) (T, error)) (T, bool) {
	var zero T
	v, off, ok := z.scalarAt()
	switch {
	case !ok:
		return zero, false
	case v.kind != '"' && v.kind != '0':
		z.failAt(off, path, nil, "must be a string or a number, got %s", v.kindName())
		return zero, false
	}
	t, err := parse(v.text)
	if err != nil {
		z.failAt(off, path, err, "%v", err)
		return zero, false
	}
	return t, true
}

// The path of an element, cut out of its block's string, is the path
// written out.
func TestElemPath(t *testing.T) {
	tab := newZTables()
	for _, i := range []int{0, 9, 10, 99, 100, 255, 256, 999, 1000, 1023, 1024, 9999, 10000, 123456, 999999, 1000000} {
		for _, list := range []string{"audits", "ticket_metric_events"} {
			require.Equal(t, yamlpos.Index(list, i), tab.elemPath(list, i))
		}
	}
	for i := range 3000 {
		require.Equal(t, yamlpos.Index("audits", i), tab.elemPath("audits", i))
	}
}

// An attribute's value boxed once is the value AttrValue reads; a list's
// element is its text.
func TestBoxed(t *testing.T) {
	tab := newZTables()
	for _, s := range []string{"12", "-5", "+5", "007", "0", "-0", "true", "false", "True", "incident", "", "1e3", "9223372036854775807", "9223372036854775808", " 1", "é", "12"} {
		assert.Equal(t, AttrValue(s), tab.boxed(s, true), "%q as an attribute", s)
		assert.Equal(t, any(s), tab.boxed(s, false), "%q as text", s)
	}
}

// The instances an export records, against a fold written the simple way
// (a map of ticket, metric and instance) on random pages of interleaved
// events: tickets written several ways, every metric and type, instances
// of one and two, times in any order.
func TestZendeskRecordedMatchesReference(t *testing.T) {
	rng := rand.New(rand.NewPCG(19, 10))
	base := time.Date(2026, 7, 1, 0, 0, 0, 0, time.UTC)
	for page := range 50 {
		type key struct {
			ticket, metric string
			instance       int
		}
		var order []key
		want := map[key]*Recorded{}
		var b strings.Builder
		b.WriteString(`{"ticket_metric_events": [`)
		for i := range 1 + rng.IntN(300) {
			n := rng.IntN(12)
			ticket := []string{fmt.Sprint(n), fmt.Sprintf(`"%d"`, n), fmt.Sprintf(`"+%d"`, n)}[rng.IntN(3)]
			metric, typ := ZendeskMetrics[rng.IntN(len(ZendeskMetrics))], ZendeskEventTypes[rng.IntN(len(ZendeskEventTypes))]
			instance := 1 + rng.IntN(2)
			at := base.Add(time.Duration(rng.IntN(5000)) * time.Minute)
			deleted, sla := rng.IntN(3) == 0, ""
			if typ == "apply_sla" || typ == "apply_group_sla" {
				sla = fmt.Sprintf(`, "sla": {"target": %d, "business_hours": %t, "policy": {"id": 3, "title": "P%d"}}`, rng.IntN(500), rng.IntN(2) == 0, rng.IntN(3))
			}
			if i > 0 {
				b.WriteString(",\n")
			}
			fmt.Fprintf(&b, `{"ticket_id": %s, "metric": %q, "instance_id": %d, "type": %q, "time": %q, "deleted": %t%s}`, ticket, metric, instance, typ, at.Format(time.RFC3339), deleted, sla)
			name, inst := ZendeskMetricName(metric, instance)
			k := key{fmt.Sprint(n), name, inst}
			rec, seen := want[k]
			if !seen {
				rec = &Recorded{Ticket: k.ticket, Metric: name, Instance: inst, First: at}
				want[k], order = rec, append(order, k)
			}
			ev := metricEvent{typ: typ, at: at, deleted: deleted}
			if sla != "" {
				s, err := readSLAText(sla)
				require.NoError(t, err)
				ev.sla = s
			}
			rec.fold(&ev)
		}
		b.WriteString("]}")
		x, err := readExport(b.String())
		require.NoError(t, err)
		require.Len(t, x.Recorded, len(order), "page %d", page)
		for i, k := range order {
			got := x.Recorded[i]
			got.At = yamlpos.Pos{}
			require.Equal(t, *want[k], got, "page %d, instance %d", page, i)
		}
	}
}

// readSLAText reads the sla of an event written `, "sla": {...}`.
func readSLAText(s string) (slaTarget, error) {
	src := []byte(strings.TrimPrefix(s, `, "sla": `))
	z := newZscan("s.json", src, newRowErrors("s.json", ErrInvalidZendeskEvents))
	sla, _ := readSLA(z, pathOf("sla"))
	return sla, z.errs.d.Errors().Err()
}
