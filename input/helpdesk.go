package input

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/tiercel/tiercel/slo"
)

// Import is a helpdesk's SLA policies and schedules read as a tiercel
// catalog of one tier: what ImportZendesk and ImportFreshdesk build and
// WriteCatalog writes. Every importer fills the same shape, so the YAML is
// written in one place. An Import is not changed once built and may be
// shared between goroutines.
type Import struct {
	Helpdesk  string           // "Zendesk", "Freshdesk": named in comments
	Header    []string         // comment lines at the top of the catalog
	Tier      string           // the tier's id, also its name
	Calendars []ImportCalendar // one per schedule, in the helpdesk's order
	Tables    []ImportTable    // the tier's targets by metric; response first
	Metrics   []ImportMetric   // lifecycle.metrics: conditions of built-ins replaced, metrics declared
	Rules     []ImportRule     // in the order they are tried
}

// ImportCalendar is one business-hours schedule as a calendar.
type ImportCalendar struct {
	ID, Description, Comment string
	Zone                     string            // IANA
	Week                     [7][][2]int       // by weekday, spans in minutes from midnight, ascending
	Closed                   []string          // dates, YYYY-MM-DD, ascending
	ClosedComment            map[string]string // a date's holiday name, for comments
}

// ImportTable is the tier's targets of one metric by priority
// ("1h 24x7"), with a comment.
type ImportTable struct {
	Metric, Comment string
	Targets         [slo.P4 + 1]string
}

// ImportMetric is one entry of lifecycle.metrics: a built-in metric whose
// conditions are replaced, or a metric the catalog declares. Empty fields
// are left out.
type ImportMetric struct {
	Name, Comment                             string
	Start, Stop, Pause, Resume, Reset, Reopen string
	StartComment                              string // a comment above start (a lint-ignore)
}

// ImportRule is one rule: Within 0 writes "within: none" (the rule decides
// that there is no target), Calendar is left out when empty.
type ImportRule struct {
	Comment, ID, Description, When, Metric string
	Priorities                             []slo.Priority
	Within                                 time.Duration
	Calendar                               string
}

// WriteCatalog writes im as catalog YAML with its comments.
func (im *Import) WriteCatalog(w io.Writer) error {
	var b strings.Builder
	size := 4096
	for i := range im.Rules {
		size += 2*len(im.Rules[i].When) + len(im.Rules[i].Description) + len(im.Rules[i].Comment) + 160
	}
	b.Grow(size)
	for _, h := range im.Header {
		b.WriteString(strings.TrimRight("# "+h, " ") + "\n")
	}
	b.WriteString("version: 1\n")
	if len(im.Calendars) > 0 {
		b.WriteString("calendars:\n")
		for i := range im.Calendars {
			im.Calendars[i].write(&b)
		}
	}
	fmt.Fprintf(&b, "tiers:\n  %s:\n    name: %s\n", im.Tier, yamlString(im.Tier))
	for _, t := range im.Tables {
		writeComment(&b, "    ", t.Comment)
		fmt.Fprintf(&b, "    %s:\n", t.Metric)
		for p := slo.P1; p <= slo.P4; p++ {
			if t.Targets[p] != "" {
				fmt.Fprintf(&b, "      %s: %s\n", p, t.Targets[p])
			}
		}
	}
	if len(im.Metrics) > 0 {
		b.WriteString("lifecycle:\n  metrics:\n")
		for _, m := range im.Metrics {
			m.write(&b)
		}
	}
	if len(im.Rules) > 0 {
		b.WriteString("rules:\n")
		w := newWhens(im.Rules)
		for _, r := range im.Rules {
			r.write(&b, w)
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func (c *ImportCalendar) write(b *strings.Builder) {
	writeComment(b, "  ", c.Comment)
	fmt.Fprintf(b, "  %s:\n", c.ID)
	if c.Description != "" {
		fmt.Fprintf(b, "    description: %s\n", yamlString(c.Description))
	}
	fmt.Fprintf(b, "    zone: %s\n    hours:\n", c.Zone)
	for d, spans := range c.Week {
		if len(spans) == 0 {
			continue
		}
		parts := make([]string, len(spans))
		for i, s := range spans {
			parts[i] = clock(s[0]) + "-" + clock(s[1])
		}
		fmt.Fprintf(b, "      %s: %q\n", dayKeys[d], strings.Join(parts, ", "))
	}
	if len(c.Closed) > 0 {
		b.WriteString("    closed:\n")
		for _, d := range c.Closed {
			if name := c.ClosedComment[d]; name != "" {
				fmt.Fprintf(b, "      - %q  # %s\n", d, oneLine(name))
			} else {
				fmt.Fprintf(b, "      - %q\n", d)
			}
		}
	}
}

func (m *ImportMetric) write(b *strings.Builder) {
	writeComment(b, "    ", m.Comment)
	fmt.Fprintf(b, "    %s:\n", m.Name)
	for _, kv := range [][2]string{{"start", m.Start}, {"stop", m.Stop}, {"pause", m.Pause}, {"resume", m.Resume}, {"reset", m.Reset}, {"reopen", m.Reopen}} {
		if kv[0] == "start" {
			writeComment(b, "      ", m.StartComment)
		}
		if kv[1] != "" {
			fmt.Fprintf(b, "      %s: %s\n", kv[0], yamlString(kv[1]))
		}
	}
}

func (r *ImportRule) write(b *strings.Builder, w *whens) {
	writeComment(b, "  ", r.Comment)
	line(b, "  - id: ", r.ID)
	if r.Description != "" {
		line(b, "    description: ", yamlString(r.Description))
	}
	w.write(b, r)
	if r.Metric != "" {
		line(b, "    metric: ", r.Metric)
	}
	if len(r.Priorities) > 0 {
		ps := make([]string, len(r.Priorities))
		for i, p := range r.Priorities {
			ps[i] = p.String()
		}
		fmt.Fprintf(b, "    priorities: [%s]\n", strings.Join(ps, ", "))
	}
	if r.Within > 0 {
		fmt.Fprintf(b, "    within: %s\n", FormatDuration(r.Within))
	} else {
		b.WriteString("    within: none\n")
	}
	if r.Calendar != "" {
		fmt.Fprintf(b, "    calendar: %s\n", r.Calendar)
	}
}

// whens writes the rules' conditions, each text once: a condition that
// several rules share (a policy's filter, once per metric and target) is
// written in full at its first rule with a YAML anchor named after that
// rule, and as an alias of it at the others. The catalog is about half
// the size, and compiling it reads each condition once.
type whens struct {
	count  map[string]int    // rules of each condition
	anchor map[string]string // the anchor of each condition written
	used   map[string]bool   // anchor names taken
}

func newWhens(rules []ImportRule) *whens {
	w := &whens{count: map[string]int{}, anchor: map[string]string{}, used: map[string]bool{}}
	for i := range rules {
		w.count[rules[i].When]++
	}
	return w
}

// write writes the when of r: in full, with an anchor when other rules
// share it, or as an alias of the anchor written before.
func (w *whens) write(b *strings.Builder, r *ImportRule) {
	if a, ok := w.anchor[r.When]; ok {
		line(b, "    when: *", a)
		return
	}
	b.WriteString("    when: ")
	if w.count[r.When] > 1 {
		a := w.name(r.ID)
		w.anchor[r.When] = a
		b.WriteString("&" + a + " ")
	}
	if plainASCII(r.When) {
		line(b, "\"", r.When, "\"")
	} else {
		line(b, yamlString(r.When))
	}
}

// name returns an anchor name made of the rule id, unique in the catalog:
// yaml.v3 reads anchors of letters, digits, '-' and '_' only, so the id's
// other characters ('.') become '-'.
func (w *whens) name(id string) string {
	a := strings.Map(func(r rune) rune {
		if r == '-' || r == '_' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' {
			return r
		}
		return '-'
	}, id)
	if a == "" {
		a = "when"
	}
	for n, base := 2, a; w.used[a]; n++ {
		a = base + "-" + strconv.Itoa(n)
	}
	w.used[a] = true
	return a
}

// dayKeys are the calendar's day keys by weekday.
var dayKeys = [7]string{"sun", "mon", "tue", "wed", "thu", "fri", "sat"}

// clock writes minutes from midnight as "HH:MM" (1440 is "24:00").
func clock(m int) string { return fmt.Sprintf("%02d:%02d", m/60, m%60) }

// FormatDuration writes d, whole seconds, as a Go duration without zero
// parts: 90m is "1h30m", 60m "1h", 45m "45m", 90s "1m30s".
func FormatDuration(d time.Duration) string {
	var b strings.Builder
	for _, u := range []struct {
		unit   time.Duration
		suffix string
	}{{time.Hour, "h"}, {time.Minute, "m"}, {time.Second, "s"}} {
		if n := d / u.unit; n > 0 {
			b.WriteString(strconv.FormatInt(int64(n), 10) + u.suffix)
			d -= n * u.unit
		}
	}
	if b.Len() == 0 {
		return "0s"
	}
	return b.String()
}

// writeComment writes each line of c as a comment at indent.
func writeComment(b *strings.Builder, indent, c string) {
	if c == "" {
		return
	}
	for _, line := range strings.Split(c, "\n") {
		b.WriteString(strings.TrimRight(indent+"# "+line, " ") + "\n")
	}
}

// oneLine makes s fit on one comment line.
func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// yamlString writes s as a YAML scalar: single-quoted when it has double
// quotes and no control characters (CEL's strings read best so), else
// double-quoted (Go's escapes are YAML's).
func yamlString(s string) string {
	if plainASCII(s) {
		return `"` + s + `"`
	}
	if strings.ContainsRune(s, '"') && !strings.ContainsFunc(s, func(r rune) bool { return r < 0x20 || r == 0x7f }) {
		return "'" + strings.ReplaceAll(s, "'", "''") + "'"
	}
	return strconv.Quote(s)
}

// plainASCII reports whether s is printable ASCII without '"' and '\\':
// its double-quoted form is itself in quotes.
func plainASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c >= 0x7f || c == '"' || c == '\\' {
			return false
		}
	}
	return true
}

// line writes parts and a line break.
func line(b *strings.Builder, parts ...string) {
	for _, p := range parts {
		b.WriteString(p)
	}
	b.WriteByte('\n')
}
