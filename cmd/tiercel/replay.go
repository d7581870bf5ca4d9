package main

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"maps"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/tiercel/tiercel/internal/readfile"
	"github.com/tiercel/tiercel/internal/weekgrid"
	"github.com/tiercel/tiercel/rules"
	"github.com/tiercel/tiercel/slo"
)

var replayCommand = &command{
	name:     "replay",
	synopsis: "--from TIER --to TIER FILE",
	summary:  "what a history of cases would have looked like on another tier",
	help: `Replay decides every case of a history twice, on tier --from and on tier
--to, exactly as deadline does (rules included), and reports how much later
or earlier each initial response would have been due on --to: how many
cases are due later, earlier or at the same instant, the largest delay and
advance and the case that has it, and the 10th, 50th and 90th percentiles
of the delays (nearest rank; negative is earlier), for all cases and for
each priority.

FILE is CSV (.csv) or JSON lines (.jsonl), or as --format says. A CSV file
starts with a header naming its columns: opened (RFC 3339) and priority
(P1..P4) are required; zone (the account's IANA zone), country (its holiday
country), language and account are read when present; any other column is
an attribute rules see as case.attrs (true/false are booleans, integers are
ints, the rest strings; an empty cell sets nothing). A JSON lines file has
one object a line with the same fields and "attrs": {"key": value}.

Bad rows are reported as FILE:LINE:COLUMN: message (at most 10), and
nothing is replayed; so is a case that cannot be decided (a zone or country
a calendar needs and the row lacks).`,
	example: `tiercel replay --from looker-premier --to enhanced examples/replay/cases.csv
tiercel replay --from looker-premier --to premium --output json examples/replay/cases.csv`,
	setup: func(fs *flag.FlagSet) func(*cli, []string) error {
		var from, to, format string
		fs.StringVar(&from, "from", "", "the tier the cases were on, `id` or alias (required)")
		fs.StringVar(&to, "to", "", "the tier to replay them on, `id` or alias (required)")
		fs.StringVar(&format, "format", "", "FILE's `format`: csv or jsonl (default: from its extension)")
		return func(c *cli, args []string) error {
			if len(args) != 1 {
				return usagef("want one history FILE; got %s", plural(len(args), "argument"))
			}
			for _, f := range []struct{ name, v string }{{"from", from}, {"to", to}} {
				if f.v == "" {
					return usagef("--%s is required", f.name)
				}
			}
			if format == "" {
				switch strings.ToLower(filepath.Ext(args[0])) {
				case ".csv":
					format = "csv"
				case ".jsonl":
					format = "jsonl"
				default:
					return usagef("cannot tell the format of %q from its extension: give --format csv or --format jsonl", args[0])
				}
			}
			if format != "csv" && format != "jsonl" {
				return usagef("--format must be csv or jsonl, got %q", format)
			}
			return c.replay(from, to, args[0], format)
		}
	},
}

// maxRowErrors caps the errors replay prints for a history.
const maxRowErrors = 10

// history is the cases of a file and the line each starts on.
type history struct {
	file  string
	cases []rules.Case
	lines []int
}

// rowErrors collects positioned errors, up to maxRowErrors.
type rowErrors struct {
	file string
	list []string
	more int // errors past the cap
}

func (r *rowErrors) add(line, col int, format string, args ...any) {
	if len(r.list) == maxRowErrors {
		r.more++
		return
	}
	pos := fmt.Sprintf("%s:%d", r.file, line)
	if col > 0 {
		pos += fmt.Sprintf(":%d", col)
	}
	r.list = append(r.list, pos+": "+fmt.Sprintf(format, args...))
}

// print writes the errors to w and reports whether there were any.
func (r *rowErrors) print(w io.Writer) bool {
	for _, e := range r.list {
		fmt.Fprintln(w, e)
	}
	if r.more > 0 {
		fmt.Fprintf(w, "%s: %s not shown\n", r.file, plural(r.more, "more error"))
	}
	return len(r.list) > 0
}

// row is one case as a file writes it, before it is checked.
type row struct {
	opened, priority, zone, country, language, account string
	attrs                                              map[string]any
	col                                                func(field string) int // the column of a field, 0 when unknown
}

// kase checks the row and returns its case, or adds its errors to errs.
func (r *row) kase(line int, errs *rowErrors) (rules.Case, bool) {
	c := rules.Case{Zone: r.zone, Country: r.country, Language: r.language, Account: r.account, Attrs: r.attrs}
	ok := true
	bad := func(field, format string, args ...any) {
		errs.add(line, r.col(field), field+": "+format, args...)
		ok = false
	}
	var err error
	switch {
	case r.opened == "":
		bad("opened", "missing: want an RFC 3339 instant such as 2026-03-02T10:00:00Z")
	default:
		if c.Opened, err = time.Parse(time.RFC3339Nano, r.opened); err != nil {
			bad("opened", "invalid time %q: want RFC 3339 such as 2026-03-02T10:00:00Z", r.opened)
		} else if err := printable("opened", c.Opened); err != nil {
			bad("opened", "%v", err)
		}
	}
	if c.Priority, err = slo.ParsePriority(r.priority); err != nil {
		bad("priority", "%v", err)
	}
	if r.zone != "" {
		if _, err := slo.LoadZone(r.zone); err != nil {
			bad("zone", "unknown time zone %q: want an IANA name such as America/New_York", r.zone)
		}
	}
	return c, ok
}

// add checks r and appends its case to h, or adds its errors to errs.
func (h *history) add(r *row, line int, errs *rowErrors) {
	if c, ok := r.kase(line, errs); ok {
		h.cases = append(h.cases, c)
		h.lines = append(h.lines, line)
	}
}

// readCSV reads a history in CSV with a header.
func readCSV(file string, src []byte, errs *rowErrors) history {
	h := history{file: file}
	cr := csv.NewReader(bytes.NewReader(src))
	cr.FieldsPerRecord = -1 // checked below, with the line
	cr.ReuseRecord = true
	header, err := cr.Read()
	if errors.Is(err, io.EOF) {
		errs.add(1, 1, "empty file: want a header such as opened,priority,zone,country")
		return h
	}
	if err != nil {
		csvError(err, errs)
		return h
	}
	columns := map[string]int{}
	names := make([]string, len(header))
	for i, name := range header {
		name = strings.ToLower(strings.TrimSpace(name))
		_, col := cr.FieldPos(i)
		switch {
		case name == "":
			errs.add(1, col, "header: column %d has no name", i+1)
		case columns[name] > 0:
			errs.add(1, col, "header: column %q twice", name)
		}
		columns[name] = i + 1
		names[i] = name
	}
	for _, need := range []string{"opened", "priority"} {
		if columns[need] == 0 {
			errs.add(1, 1, "header: no %s column: want a header such as opened,priority,zone,country", need)
		}
	}
	if len(errs.list) > 0 {
		return h
	}
	col := func(field string) int { // the column of a field of the row just read
		if i := columns[field]; i > 0 {
			_, col := cr.FieldPos(i - 1)
			return col
		}
		return 0
	}
	h.cases = make([]rules.Case, 0, bytes.Count(src, []byte("\n")))
	for {
		record, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			csvError(err, errs)
			continue
		}
		line, _ := cr.FieldPos(0)
		if len(record) != len(header) {
			errs.add(line, 1, "%s, the header has %d", plural(len(record), "field"), len(header))
			continue
		}
		r := row{col: col}
		for i, v := range record {
			v = strings.TrimSpace(v)
			switch names[i] {
			case "opened":
				r.opened = v
			case "priority":
				r.priority = v
			case "zone":
				r.zone = v
			case "country":
				r.country = v
			case "language":
				r.language = v
			case "account":
				r.account = v
			default:
				if v != "" {
					if r.attrs == nil {
						r.attrs = map[string]any{}
					}
					r.attrs[names[i]] = attrValue(v)
				}
			}
		}
		h.add(&r, line, errs)
	}
	return h
}

// csvError adds an error of encoding/csv with its position.
func csvError(err error, errs *rowErrors) {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		errs.add(pe.Line, pe.Column, "%v", pe.Err)
		return
	}
	errs.add(1, 0, "%v", err)
}

// jsonRow is one line of a JSON lines history.
type jsonRow struct {
	Opened   string         `json:"opened"`
	Priority string         `json:"priority"`
	Zone     string         `json:"zone"`
	Country  string         `json:"country"`
	Language string         `json:"language"`
	Account  string         `json:"account"`
	Attrs    map[string]any `json:"attrs"`
}

// readJSONL reads a history in JSON lines: one object a line; blank lines
// are skipped.
func readJSONL(file string, src []byte, errs *rowErrors) history {
	h := history{file: file}
	for n, line := range bytes.Split(src, []byte("\n")) {
		if len(bytes.TrimSpace(line)) == 0 {
			continue
		}
		var jr jsonRow
		d := json.NewDecoder(bytes.NewReader(line))
		d.DisallowUnknownFields()
		d.UseNumber()
		err := d.Decode(&jr)
		if err == nil && d.More() {
			err = errors.New("more than one value on the line")
		}
		if err != nil {
			errs.add(n+1, jsonColumn(line, err, d), "%s", strings.TrimPrefix(err.Error(), "json: "))
			continue
		}
		r := row{opened: jr.Opened, priority: jr.Priority, zone: jr.Zone, country: jr.Country,
			language: jr.Language, account: jr.Account, col: func(field string) int { return keyColumn(line, field) }}
		if len(jr.Attrs) > 0 {
			r.attrs = make(map[string]any, len(jr.Attrs))
			for _, k := range slices.Sorted(maps.Keys(jr.Attrs)) {
				av, err := jsonAttr(jr.Attrs[k])
				if err != nil {
					errs.add(n+1, keyColumn(line, k), "attrs.%s: %v", k, err)
					continue
				}
				r.attrs[k] = av
			}
		}
		h.add(&r, n+1, errs)
	}
	return h
}

// jsonColumn returns the column of a decoding error in line: the
// offending character of a syntax error, the key of a field of the wrong
// type or unknown, the start of a second value.
func jsonColumn(line []byte, err error, d *json.Decoder) int {
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	switch {
	case errors.As(err, &se):
		return int(se.Offset)
	case errors.As(err, &te):
		return keyColumn(line, te.Field)
	}
	if field, ok := strings.CutPrefix(err.Error(), "json: unknown field "); ok {
		return keyColumn(line, strings.Trim(field, `"`))
	}
	off := d.InputOffset()
	rest := line[off:]
	return int(off) + len(rest) - len(bytes.TrimLeft(rest, " \t\r")) + 1
}

// keyColumn returns the column at which key is written in line, or 0.
func keyColumn(line []byte, key string) int {
	return bytes.Index(line, []byte(`"`+key+`"`)) + 1
}

// jsonAttr converts an attribute's JSON value to what CEL rules see: a
// boolean, a string, an int or a double.
func jsonAttr(v any) (any, error) {
	switch v := v.(type) {
	case bool, string:
		return v, nil
	case json.Number:
		if n, err := v.Int64(); err == nil {
			return n, nil
		}
		if f, err := v.Float64(); err == nil {
			return f, nil
		}
		return nil, fmt.Errorf("number %s is out of range", v)
	}
	kind := "null"
	switch v.(type) {
	case map[string]any:
		kind = "an object"
	case []any:
		kind = "an array"
	}
	return nil, fmt.Errorf("want a string, number or boolean, got %s", kind)
}

// readHistory reads and checks the history at path; errors are printed
// and errInputFailed returned.
func (c *cli) readHistory(path, format string) (history, error) {
	src, err := readfile.Read(path)
	if err != nil {
		fmt.Fprintf(c.stderr, "tiercel %s: %v\n", c.name, err)
		return history{}, errInputFailed
	}
	src = bytes.TrimPrefix(src, []byte("\ufeff")) // the byte order mark spreadsheets write
	errs := rowErrors{file: path}
	var h history
	if format == "csv" {
		h = readCSV(path, src, &errs)
	} else {
		h = readJSONL(path, src, &errs)
	}
	if errs.print(c.stderr) {
		return history{}, errInputFailed
	}
	return h, nil
}

// undecided prints, with their lines, the cases of h that a tier cannot
// decide (up to maxRowErrors), after Replay failed.
func (c *cli) undecided(e *rules.Engine, h history, from, to string) {
	errs := rowErrors{file: h.file}
	for i, kase := range h.cases {
		for _, tier := range []string{from, to} {
			kase.Tier = tier
			if _, err := e.Deadline(kase); err != nil {
				errs.add(h.lines[i], 0, "on %s: %v", tier, err)
				break
			}
		}
	}
	errs.print(c.stderr)
}

type delaysJSON struct {
	Cases      int    `json:"cases"`
	Later      int    `json:"later"`
	Earlier    int    `json:"earlier"`
	Same       int    `json:"same"`
	MaxLater   string `json:"maxLater"`   // "+64h", "0" when no case is later
	MaxEarlier string `json:"maxEarlier"` // "-48h", "0" when no case is earlier
	P10        string `json:"p10"`
	Median     string `json:"median"`
	P90        string `json:"p90"`
}

func toDelaysJSON(d rules.Delays) delaysJSON {
	return delaysJSON{
		Cases: d.Cases, Later: d.Later, Earlier: d.Earlier, Same: d.Same,
		MaxLater: weekgrid.Signed(d.MaxLater), MaxEarlier: weekgrid.Signed(-d.MaxEarlier),
		P10: weekgrid.Signed(d.P10), Median: weekgrid.Signed(d.Median), P90: weekgrid.Signed(d.P90),
	}
}

// caseJSON names a case of the history by its line.
type caseJSON struct {
	Line     int      `json:"line"`
	Priority string   `json:"priority"`
	Opened   jsonTime `json:"opened"`
	Zone     string   `json:"zone,omitempty"`
}

func (h history) caseAt(i int) *caseJSON {
	if i < 0 {
		return nil
	}
	k := h.cases[i]
	return &caseJSON{Line: h.lines[i], Priority: k.Priority.String(), Opened: jsonTime(k.Opened), Zone: k.Zone}
}

type priorityDelaysJSON struct {
	Priority string `json:"priority"`
	delaysJSON
}

func (c *cli) replay(from, to, path, format string) error {
	e, err := c.engine()
	if err != nil {
		return err
	}
	for _, tier := range []string{from, to} {
		if _, err := e.Tier(tier); err != nil {
			return err
		}
	}
	h, err := c.readHistory(path, format)
	if err != nil {
		return err
	}
	r, err := e.Replay(h.cases, from, to)
	if err != nil {
		c.undecided(e, h, from, to)
		return errInputFailed
	}
	var byPriority []priorityDelaysJSON
	for p := slo.P1; p <= slo.P4; p++ {
		if d, ok := r.ByPriority[p]; ok {
			byPriority = append(byPriority, priorityDelaysJSON{p.String(), toDelaysJSON(d)})
		}
	}
	if c.json() {
		return c.writeJSON(struct {
			From           string               `json:"from"`
			To             string               `json:"to"`
			File           string               `json:"file"`
			delaysJSON                          // over every case
			MaxLaterCase   *caseJSON            `json:"maxLaterCase"`
			MaxEarlierCase *caseJSON            `json:"maxEarlierCase"`
			ByPriority     []priorityDelaysJSON `json:"byPriority"`
		}{r.From, r.To, path, toDelaysJSON(r.Delays), h.caseAt(r.MaxLaterCase), h.caseAt(r.MaxEarlierCase), byPriority})
	}
	fmt.Fprintf(c.stdout, "%s from %s, replayed from %s to %s.\n\n", plural(r.Cases, "case"), path, r.From, r.To)
	t := c.table()
	t.row("PRIORITY", "CASES", "LATER", "EARLIER", "SAME", "MAX-LATER", "MAX-EARLIER", "P10", "MEDIAN", "P90")
	delaysRow := func(name string, d delaysJSON) {
		t.row(name, fmt.Sprint(d.Cases), fmt.Sprint(d.Later), fmt.Sprint(d.Earlier), fmt.Sprint(d.Same),
			d.MaxLater, d.MaxEarlier, d.P10, d.Median, d.P90)
	}
	delaysRow("all", toDelaysJSON(r.Delays))
	for _, p := range byPriority {
		delaysRow(p.Priority, p.delaysJSON)
	}
	t.flush()
	for _, x := range []struct {
		what string
		d    time.Duration
		at   *caseJSON
	}{{"Largest delay", r.MaxLater, h.caseAt(r.MaxLaterCase)}, {"Largest advance", -r.MaxEarlier, h.caseAt(r.MaxEarlierCase)}} {
		if x.at == nil {
			continue
		}
		fmt.Fprintf(c.stdout, "\n%s: %s, %s:%d (%s opened %s", x.what, weekgrid.Signed(x.d), path, x.at.Line, x.at.Priority,
			formatTime(time.Time(x.at.Opened)))
		if x.at.Zone != "" {
			fmt.Fprintf(c.stdout, " in %s", x.at.Zone)
		}
		fmt.Fprint(c.stdout, ").")
	}
	if r.MaxLaterCase >= 0 || r.MaxEarlierCase >= 0 {
		fmt.Fprintln(c.stdout)
	}
	return nil
}
