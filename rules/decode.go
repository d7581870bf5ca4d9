package rules

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// decoder walks a yaml.Node tree, keeps the position of every value and
// collects the errors it finds instead of stopping at the first: each once
// per position and message, the first MaxErrors of them, counting the rest.
type decoder struct {
	file  string
	src   []byte
	lines []string // src split into lines without their breaks
	runes [][]rune // runes of lines, converted when first needed
	errs  ErrorList

	seen     map[errorKey]bool // errors already reported
	walked   map[walkedMapping]bool
	kept     int // errors kept in errs, not counting a fatal one or the count of the dropped
	failures int // every error found, repeated and dropped ones included

	// visits counts the values walked, aliases expanded; past budget the
	// decoder stops.
	visits, budget int
	stopped        bool
}

// Alias budget: a document may make the decoder walk at most
// max(minAliasBudget, aliasBudgetPerNode × its nodes) values.
const (
	minAliasBudget     = 1_000_000
	aliasBudgetPerNode = 100
)

func newDecoder(file string, src []byte) *decoder {
	return &decoder{
		file: file, src: src, lines: splitLines(string(src)),
		seen: map[errorKey]bool{}, walked: map[walkedMapping]bool{}, budget: minAliasBudget,
	}
}

// walkedMapping is a mapping node read with a list of known keys (its first
// element, nil for any keys).
type walkedMapping struct {
	n     *yaml.Node
	known *string
}

// pos is where a value was found.
type pos struct {
	file      string
	line, col int
	path      string
}

func (d *decoder) at(n *yaml.Node, path string) pos {
	p := pos{file: d.file, path: path}
	if n != nil {
		p.line, p.col = n.Line, n.Column
	}
	return p
}

func (p pos) errorf(cause error, format string, args ...any) *Error {
	return &Error{File: p.file, Line: p.line, Column: p.col, Path: p.path, Msg: fmt.Sprintf(format, args...), Err: cause}
}

func (d *decoder) fail(n *yaml.Node, path string, cause error, format string, args ...any) {
	d.add(d.at(n, path).errorf(cause, format, args...))
}

// add reports e unless it was reported already or the decoder stopped; past
// MaxErrors it only counts e in the list's last entry.
func (d *decoder) add(e *Error) {
	d.failures++
	if d.stopped || d.seen[e.key()] {
		return
	}
	d.seen[e.key()] = true
	if d.kept < MaxErrors {
		d.kept++
		d.errs = append(d.errs, e)
		return
	}
	if last := d.errs[len(d.errs)-1]; last.more > 0 {
		last.setMore(last.more + 1)
		return
	}
	d.errs = append(d.errs, moreErrors(1))
}

// stop reports a fatal error, kept whatever the count, and stops the
// decoder: it reads no more values and reports nothing more.
func (d *decoder) stop(n *yaml.Node, path string, format string, args ...any) {
	if d.stopped {
		return
	}
	d.failures++
	e := d.at(n, path).errorf(nil, format, args...)
	e.fatal = true
	if k := len(d.errs); k > 0 && d.errs[k-1].more > 0 {
		d.errs = slices.Insert(d.errs, k-1, e)
	} else {
		d.errs = append(d.errs, e)
	}
	d.stopped = true
}

// visit counts k values of n about to be walked and stops the decoder when
// the aliases of the document expand past its budget.
func (d *decoder) visit(n *yaml.Node, path string, k int) bool {
	if d.stopped {
		return false
	}
	d.visits += k
	if d.visits > d.budget {
		d.stop(n, path, "yaml: aliases expand to too many values (more than %d)", d.budget)
		return false
	}
	return true
}

// resolve follows aliases.
func resolve(n *yaml.Node) *yaml.Node {
	for i := 0; n != nil && n.Kind == yaml.AliasNode && i < 32; i++ {
		n = n.Alias
	}
	return n
}

func kindName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.ScalarNode:
		if n.Tag == "!!null" {
			return "null"
		}
		return "a scalar"
	}
	return "a document"
}

// field is one key/value pair of a mapping.
type field struct {
	key  string
	kn   *yaml.Node // key node
	vn   *yaml.Node // value node, aliases resolved
	path string
}

// join builds a YAML path; keys that are not plain identifiers are quoted.
func join(path, key string) string {
	if !plainKey(key) {
		key = strconv.Quote(key)
	}
	if path == "" {
		return key
	}
	return path + "." + key
}

// plainKey reports whether key matches [A-Za-z0-9_][A-Za-z0-9_./-]*, without
// a regexp: join runs for every value read.
func plainKey(key string) bool {
	for i := 0; i < len(key); i++ {
		c := key[i]
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9', c == '_':
		case i > 0 && (c == '.' || c == '/' || c == '-'):
		default:
			return false
		}
	}
	return key != ""
}

func index(path string, i int) string { return path + "[" + strconv.Itoa(i) + "]" }

// mapping returns the fields of a mapping in document order. Keys outside
// known (when known is not nil) and duplicate keys are reported.
func (d *decoder) mapping(n *yaml.Node, path string, known []string) []field {
	n = resolve(n)
	if n == nil || d.stopped || n.Kind == yaml.ScalarNode && n.Tag == "!!null" {
		return nil
	}
	if n.Kind != yaml.MappingNode {
		d.fail(n, path, nil, "must be a mapping, got %s", kindName(n))
		return nil
	}
	if !d.visit(n, path, len(n.Content)) {
		return nil
	}
	// A mapping reached again through an alias and read with the same
	// keys has the same key errors: they were reported the first time.
	wk := walkedMapping{n: n}
	if len(known) > 0 {
		wk.known = &known[0]
	}
	again := d.walked[wk]
	d.walked[wk] = true
	keyError := func(kn *yaml.Node, path, format string, args ...any) {
		if !again {
			d.fail(kn, path, nil, format, args...)
		}
	}
	seen := make(map[string]bool, len(n.Content)/2)
	fields := make([]field, 0, len(n.Content)/2)
	for i := 0; i+1 < len(n.Content); i += 2 {
		kn, vn := resolve(n.Content[i]), resolve(n.Content[i+1])
		if kn == nil || kn.Kind != yaml.ScalarNode {
			keyError(n.Content[i], path, "keys must be scalars")
			continue
		}
		f := field{key: kn.Value, kn: kn, vn: vn, path: join(path, kn.Value)}
		if kn.Tag == "!!merge" {
			keyError(kn, path, "merge keys (<<) are not supported")
			continue
		}
		if seen[f.key] {
			keyError(kn, f.path, "duplicate key %q", f.key)
			continue
		}
		seen[f.key] = true
		if known != nil && !slices.Contains(known, f.key) {
			keyError(kn, f.path, "unknown key %q (want one of %s)", f.key, strings.Join(known, ", "))
			continue
		}
		fields = append(fields, f)
	}
	return fields
}

// require reports each of names missing from fields.
func (d *decoder) require(n *yaml.Node, path string, fields []field, names ...string) bool {
	ok := true
	for _, name := range names {
		found := false
		for _, f := range fields {
			if f.key == name {
				found = true
				break
			}
		}
		if !found {
			d.fail(n, path, nil, "missing required key %q", name)
			ok = false
		}
	}
	return ok
}

// scalar returns the text of a scalar value; null and non-scalars are errors.
func (d *decoder) scalar(f field) (string, bool) {
	s, ok := scalarText(f.vn)
	if !ok {
		d.fail(orNode(f.vn, f.kn), f.path, nil, "must be a scalar, got %s", kindNameOr(f.vn))
	}
	return s, ok
}

// scalarText returns the text of n if it is a scalar other than null.
func scalarText(n *yaml.Node) (string, bool) {
	if n == nil || n.Kind != yaml.ScalarNode || n.Tag == "!!null" {
		return "", false
	}
	return n.Value, true
}

// str is scalar with a non-empty check.
func (d *decoder) str(f field) (string, bool) {
	s, ok := d.scalar(f)
	if ok && strings.TrimSpace(s) == "" {
		d.fail(f.vn, f.path, nil, "must not be empty")
		return "", false
	}
	return s, ok
}

// parsed reads a non-empty scalar with parse and reports parse's error at
// the value's position.
func parsed[T any](d *decoder, f field, parse func(string) (T, error)) (T, bool) {
	var zero T
	s, ok := d.str(f)
	if !ok {
		return zero, false
	}
	v, err := parse(s)
	if err != nil {
		d.fail(f.vn, f.path, err, "%v", err)
		return zero, false
	}
	return v, true
}

// field returns the list item as a field, for the scalar readers.
func (it item) field(parent field) field { return field{vn: it.n, path: it.path, kn: parent.kn} }

func (d *decoder) boolean(f field) (bool, bool) {
	s, ok := d.scalar(f)
	if !ok {
		return false, false
	}
	switch s {
	case "true":
		return true, true
	case "false":
		return false, true
	}
	d.fail(f.vn, f.path, nil, "must be true or false, got %q", s)
	return false, false
}

// item is one element of a list with its position.
type item struct {
	n    *yaml.Node
	path string
}

// list returns the elements of a sequence; a single scalar is not a list.
func (d *decoder) list(f field) []item {
	elems := d.sequence(f)
	items := make([]item, 0, len(elems))
	for i, c := range elems {
		items = append(items, item{n: resolve(c), path: index(f.path, i)})
	}
	return items
}

// sequence returns the elements of a sequence, aliases not resolved, for
// list and for readers that need an element's path only to report it.
func (d *decoder) sequence(f field) []*yaml.Node {
	n := f.vn
	if n == nil || d.stopped || n.Kind == yaml.ScalarNode && n.Tag == "!!null" {
		return nil
	}
	if n.Kind != yaml.SequenceNode {
		d.fail(n, f.path, nil, "must be a list, got %s", kindName(n))
		return nil
	}
	if !d.visit(n, f.path, len(n.Content)) {
		return nil
	}
	return n.Content
}

// strings returns a list of non-empty, unique strings.
func (d *decoder) strings(f field) []string {
	elems := d.sequence(f)
	out := make([]string, 0, len(elems))
	seen := make(map[string]bool, len(elems))
	for i, c := range elems {
		// The element's path is built only to report an error.
		n := resolve(c)
		s, ok := scalarText(n)
		if !ok || strings.TrimSpace(s) == "" {
			if s, ok = d.str(item{n: n, path: index(f.path, i)}.field(f)); !ok {
				continue
			}
		}
		if seen[s] {
			d.fail(n, index(f.path, i), nil, "duplicate value %q", s)
			continue
		}
		seen[s] = true
		out = append(out, s)
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

func orNode(n, alt *yaml.Node) *yaml.Node {
	if n != nil {
		return n
	}
	return alt
}

func kindNameOr(n *yaml.Node) string {
	if n == nil {
		return "nothing"
	}
	return kindName(n)
}
