package suite

import (
	"path/filepath"
	"slices"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/tiercel/tiercel/internal/yamlpos"
	"github.com/tiercel/tiercel/slo"
)

// Short names for the positioned YAML values a suite reads.
type (
	field = yamlpos.Field
	item  = yamlpos.Item
)

var (
	suiteKeys = []string{"version", "description", "catalog", "now", "tests"}
	testKeys  = append([]string{"name", "description", "now", "expect"}, kinds()...)
)

// parser reads one suite document into s.
type parser struct {
	d   *yamlpos.Decoder
	s   *Suite
	dir string     // the suite's directory, the base of relative catalog paths
	now *time.Time // the suite's default now
	// loc is the zone of the case or contract of the test being read
	// (nil: UTC): its now and its expected instants are read in it.
	loc *time.Location
}

func (p *parser) parse(root *yaml.Node) {
	d := p.d
	fields := d.Mapping(root, "", suiteKeys)
	if root.Kind != yaml.MappingNode || !d.Require(root, "", fields, "tests") {
		return
	}
	for _, f := range fields {
		switch f.Key {
		case "version":
			if v, ok := d.Scalar(f); ok && v != "1" {
				d.Fail(f.Value, f.Path, nil, "unsupported format version %q (want 1)", v)
			}
		case "description":
			d.Scalar(f)
		case "catalog":
			for _, c := range p.stringList(f) {
				c = filepath.FromSlash(c)
				if !filepath.IsAbs(c) {
					c = filepath.Join(p.dir, c)
				}
				p.s.Catalog = append(p.s.Catalog, c)
			}
		case "now":
			if t, ok := p.at(f); ok {
				p.now = &t
			}
		}
	}
	for _, f := range fields {
		if f.Key == "tests" {
			p.tests(f)
		}
	}
}

// tests reads the list of tests; names must be unique.
func (p *parser) tests(f field) {
	d := p.d
	items := d.List(f)
	if len(items) == 0 && (f.Value == nil || f.Value.Kind != yaml.MappingNode && f.Value.Kind != yaml.ScalarNode || f.Value.Tag == "!!null") {
		d.Fail(yamlpos.OrNode(f.Value, f.KeyNode), f.Path, nil, "no tests")
	}
	names := map[string]string{}
	for _, it := range items {
		t := p.test(it)
		if t == nil {
			continue
		}
		if prev, dup := names[t.Name]; dup {
			d.Fail(it.Node, it.Path+".name", nil, "duplicate test name %q (first at %s)", t.Name, prev)
			continue
		}
		names[t.Name] = t.Pos()
		p.s.Tests = append(p.s.Tests, t)
	}
}

// stringList accepts one string or a list of strings.
func (p *parser) stringList(f field) []string {
	if f.Value != nil && f.Value.Kind == yaml.ScalarNode && f.Value.Tag != "!!null" {
		s, ok := p.d.Str(f)
		if !ok {
			return nil
		}
		return []string{s}
	}
	out, _ := p.strs(f)
	return out
}

// testParts are the keys of one test: its question, its expectations and
// its instant.
type testParts struct {
	question, expect *field
	now              *time.Time
	ok               bool
}

// test reads one test, or reports its errors and returns nil.
func (p *parser) test(it item) *Test {
	d := p.d
	if it.Node == nil || it.Node.Kind != yaml.MappingNode {
		d.Fail(it.Node, it.Path, nil, "must be a mapping with name, a question and expect, got %s", yamlpos.KindNameOr(it.Node))
		return nil
	}
	fields := d.Mapping(it.Node, it.Path, testKeys)
	t := &Test{File: d.File(), Line: it.Node.Line, Column: it.Node.Column}
	tp := p.parts(t, it, fields)
	if tp.question == nil {
		d.Fail(it.Node, it.Path, nil, "missing the question: one of %s", strings.Join(kinds(), ", "))
		return nil
	}
	if !tp.ok || tp.expect == nil {
		return nil
	}
	t.Kind = tp.question.Key
	q := lookup(t.Kind)
	wants, ok := p.expectations(t, q, *tp.expect)
	if !ok {
		return nil
	}
	errs := d.Failures()
	t.run = q.compile(p, *tp.question, wants, tp.now)
	if t.run == nil || d.Failures() > errs {
		return nil
	}
	return t
}

// parts reads the name, description and now of a test and finds its
// question and expect.
func (p *parser) parts(t *Test, it item, fields []field) testParts {
	d := p.d
	tp := testParts{now: p.now, ok: d.Require(it.Node, it.Path, fields, "name", "expect")}
	p.loc = nil
	for i := range fields {
		if !slices.Contains([]string{"name", "description", "now", "expect"}, fields[i].Key) {
			p.loc = questionZone(fields[i].Value)
		}
	}
	for i := range fields {
		f := &fields[i]
		switch f.Key {
		case "name":
			name, good := d.Str(*f)
			tp.ok = tp.ok && good
			t.Name = name
		case "description":
			d.Scalar(*f)
		case "now":
			if tm, good := p.at(*f); good {
				tp.now = &tm
			} else {
				tp.ok = false
			}
		case "expect":
			tp.expect = f
		default: // a question
			if tp.question != nil {
				d.Fail(f.KeyNode, f.Path, nil, "a test asks one question: %s and %s both given", tp.question.Key, f.Key)
				tp.ok = false
				continue
			}
			tp.question = f
		}
	}
	return tp
}

// questionZone returns the zone a question's mapping q gives, its own or
// its case's or contract's, or nil (UTC) for none or one that does not
// load (the question's reader reports it).
func questionZone(q *yaml.Node) *time.Location {
	q = yamlpos.Resolve(q)
	if q == nil || q.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(q.Content); i += 2 {
		switch v := yamlpos.Resolve(q.Content[i+1]); q.Content[i].Value {
		case "zone":
			if s, ok := yamlpos.ScalarText(v); ok {
				if loc, err := slo.LoadZone(s); err == nil {
					return loc
				}
			}
		case "case", "contract":
			if loc := questionZone(v); loc != nil {
				return loc
			}
		}
	}
	return nil
}

// expectations reads the mapping of expected values: an expected error,
// kept in t, or the values q's rows compare.
func (p *parser) expectations(t *Test, q *question, expect field) ([]field, bool) {
	d := p.d
	wants := d.Mapping(expect.Value, expect.Path, q.expect)
	if expect.Value == nil || expect.Value.Kind != yaml.MappingNode {
		if expect.Value == nil || expect.Value.Tag == "!!null" {
			d.Fail(yamlpos.OrNode(expect.Value, expect.KeyNode), expect.Path, nil, "must be a mapping of expected values")
		}
		return nil, false
	}
	if len(expect.Value.Content) == 0 {
		d.Fail(expect.Value, expect.Path, nil, "nothing to expect: name at least one of %s", strings.Join(q.expect, ", "))
		return nil, false
	}
	if len(wants) == 0 {
		return nil, false
	}
	for _, w := range wants {
		if w.Key != "error" {
			continue
		}
		if len(wants) > 1 {
			d.Fail(w.KeyNode, w.Path, nil, "an expected error cannot be combined with other expectations")
			return nil, false
		}
		s, good := d.Str(w)
		if !good {
			return nil, false
		}
		t.wantErr = &s
		return nil, true
	}
	return wants, true
}

// question reads the mapping of a question or of one of its parts,
// requiring the named keys.
func (p *parser) question(f field, known []string, required ...string) ([]field, bool) {
	if f.Value == nil || f.Value.Kind != yaml.MappingNode {
		p.d.Fail(yamlpos.OrNode(f.Value, f.KeyNode), f.Path, nil, "must be a mapping with %s", strings.Join(known, ", "))
		return nil, false
	}
	fields := p.d.Mapping(f.Value, f.Path, known)
	return fields, p.d.Require(f.KeyNode, f.Path, fields, required...)
}
