package suite

import (
	"strings"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/tiercel/tiercel/internal/yamlpos"
	"github.com/tiercel/tiercel/rules"
)

// questions is every question a test may ask, in the order messages list
// them. A new question is one entry here, its input reader, answer and
// expectation rows (in a file of its own), and its entry in
// schema/suite.schema.json; TestQuestionsMatchTheSchema keeps the two in
// step.
var questions = []question{
	ask("deadline", caseKeys, []string{"tier", "priority", "opened"}, readDeadline, (*rules.Engine).Deadline, deadlineRows),
	ask("compare", []string{"from", "to", "scope"}, []string{"from", "to"}, readCompare, compare, compareRows),
	ask("quote", []string{"tier", "spend", "period"}, []string{"tier", "spend"}, readQuote, quote, quoteRows),
	ask("eligibility", []string{"contract", "at", "requireEffective"}, []string{"contract"}, (*parser).contractAt, eligibility, eligibilityRows),
	ask("plan", []string{"contract", "at", "requireEffective"}, []string{"contract"}, (*parser).contractAt, plan, planRows),
	ask("entitlements", []string{"contract", "at", "movedTo"}, []string{"contract"}, (*parser).contractAt, entitlements, entitlementsRows),
	ask("allowed", []string{"action", "principal", "case"}, []string{"action"}, readAllowed, allowed, allowedRows),
	ask("replay", []string{"from", "to", "cases"}, []string{"from", "to", "cases"}, readReplay, replay, replayRows),
	ask("timeline", timelineKeys, []string{"tier", "priority", "opened"}, (*parser).history, timeline, timelineRows),
}

// question is one kind of question a test may ask.
type question struct {
	kind     string   // the test's key naming the question, e.g. "deadline"
	inputs   []string // keys of the question's mapping
	required []string // the inputs a test must give
	expect   []string // keys a test may expect, "error" last
	// compile reads the question q and the expected values wants (none
	// when the test expects an error) and returns the runner, or nil after
	// reporting an error.
	compile func(p *parser, q field, wants []field, now *time.Time) runner
}

// runner asks a test's question of an engine and compares the answer with
// the test's expectations.
type runner func(e *rules.Engine) ([]Mismatch, error)

// lookup returns the question named kind, or nil.
func lookup(kind string) *question {
	for i := range questions {
		if questions[i].kind == kind {
			return &questions[i]
		}
	}
	return nil
}

// kinds returns the names of the questions.
func kinds() []string {
	out := make([]string, len(questions))
	for i, q := range questions {
		out[i] = q.kind
	}
	return out
}

// ask builds the question kind: its mapping has the keys inputs, of which
// required must be given; read turns them into the input I, run asks it of
// an engine, and rows read and check what a test expects of the answer A.
// now is the test's (or the suite's) default instant.
func ask[I, A any](kind string, inputs, required []string,
	read func(p *parser, q field, fields []field, now *time.Time) (I, bool),
	run func(e *rules.Engine, in I) (A, error), rows []expectation[A],
) question {
	compile := func(p *parser, q field, wants []field, now *time.Time) runner {
		fields, ok := p.question(q, inputs, required...)
		var in I
		if q.Value != nil && q.Value.Kind == yaml.MappingNode {
			var good bool
			in, good = read(p, q, fields, now)
			ok = ok && good
		}
		cs, good := readRows(p, wants, rows)
		if !ok || !good {
			return nil
		}
		return func(e *rules.Engine) ([]Mismatch, error) {
			got, err := run(e, in)
			if err != nil {
				return nil, err
			}
			var ch checks
			for _, c := range cs {
				ch = c(ch, "", got)
			}
			return ch, nil
		}
	}
	return question{kind: kind, inputs: inputs, required: required, expect: append(rowKeys(rows), "error"), compile: compile}
}

// expectation is one row of what a test may expect of an answer A: its key
// in expect and how to read the expected value into a check.
type expectation[A any] struct {
	key  string
	read func(p *parser, f field) (check[A], bool)
}

// check compares one expected value with the answer got and returns ch
// with the mismatch, named prefix+key, if they differ.
type check[A any] func(ch checks, prefix string, got A) checks

// expect is the row key of an answer A: read parses the expected value W,
// get picks the engine's value G from the answer, and same compares them.
func expect[A, W, G any](key string, read func(*parser, field) (W, bool), get func(A) G,
	same func(ch checks, field string, want W, got G) checks,
) expectation[A] {
	return expectation[A]{key: key, read: func(p *parser, f field) (check[A], bool) {
		want, ok := read(p, f)
		return func(ch checks, prefix string, got A) checks { return same(ch, prefix+key, want, get(got)) }, ok
	}}
}

// project reuses the rows of an answer B for an answer A that holds one,
// as a plan holds an eligibility.
func project[A, B any](get func(A) B, rows []expectation[B]) []expectation[A] {
	out := make([]expectation[A], len(rows))
	for i, r := range rows {
		out[i] = expectation[A]{key: r.key, read: func(p *parser, f field) (check[A], bool) {
			c, ok := r.read(p, f)
			return func(ch checks, prefix string, got A) checks { return c(ch, prefix, get(got)) }, ok
		}}
	}
	return out
}

// rowKeys returns the keys of rows, in order.
func rowKeys[A any](rows []expectation[A]) []string {
	out := make([]string, len(rows))
	for i, r := range rows {
		out[i] = r.key
	}
	return out
}

// readRows reads the expected values of fields with the rows of their keys
// and returns their checks in the rows' order.
func readRows[A any](p *parser, fields []field, rows []expectation[A]) ([]check[A], bool) {
	ok := true
	var out []check[A]
	for _, r := range rows {
		for _, f := range fields {
			if f.Key != r.key {
				continue
			}
			c, good := r.read(p, f)
			out, ok = append(out, c), ok && good
		}
	}
	return out, ok
}

// keyedWant is what a test expects of one part of an answer, picked by a
// key: the option of a target tier, the delays of a priority.
type keyedWant[K, A any] struct {
	key    K
	checks []check[A]
}

// readKeyed reads a mapping of keys, each read with parseKey, to mappings of
// the values rows read; what is the error for a value that is not a mapping,
// saying what the mapping holds.
func readKeyed[K, A any](p *parser, f field, rows []expectation[A], parseKey func(string) (K, error), what string) ([]keyedWant[K, A], bool) {
	if f.Value == nil || f.Value.Kind != yaml.MappingNode {
		p.d.Fail(yamlpos.OrNode(f.Value, f.KeyNode), f.Path, nil, "%s", what)
		return nil, false
	}
	keys := rowKeys(rows)
	var out []keyedWant[K, A]
	ok := true
	for _, x := range p.d.Mapping(f.Value, f.Path, nil) {
		key, err := parseKey(x.Key)
		if err != nil {
			p.d.Fail(x.KeyNode, x.Path, err, "%v", err)
			ok = false
			continue
		}
		if x.Value == nil || x.Value.Kind != yaml.MappingNode {
			p.d.Fail(yamlpos.OrNode(x.Value, x.KeyNode), x.Path, nil, "must be a mapping of %s", strings.Join(keys, ", "))
			ok = false
			continue
		}
		cs, good := readRows(p, p.d.Mapping(x.Value, x.Path, keys), rows)
		out, ok = append(out, keyedWant[K, A]{key: key, checks: cs}), ok && good
	}
	return out, ok
}
