package yamlpos

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// Decoder walks a yaml.Node tree, keeps the position of every value and
// collects the errors it finds instead of stopping at the first: each once
// per position and message, the first MaxErrors of them, counting the rest.
//
// A Decoder reads one document and is used by one goroutine. Its errors
// wrap the sentinel of the document's kind given to NewDecoder.
type Decoder struct {
	file  string
	src   []byte
	kind  error    // sentinel of the document's kind, wrapped by every error
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

// NewDecoder returns a decoder of the document src read from file. Every
// error it reports wraps kind, the sentinel of the document's kind (an
// invalid catalog, an invalid suite).
func NewDecoder(file string, src []byte, kind error) *Decoder {
	return &Decoder{
		file: file, src: src, kind: kind, lines: splitLines(string(src)),
		seen: map[errorKey]bool{}, walked: map[walkedMapping]bool{}, budget: minAliasBudget,
	}
}

// File returns the name of the file being decoded.
func (d *Decoder) File() string { return d.file }

// Errors returns the errors reported so far, in the order found.
func (d *Decoder) Errors() ErrorList { return d.errs }

// Failures returns how many errors were reported so far, repeated and
// dropped ones included: a caller compares two counts to learn whether a
// part of the document had errors.
func (d *Decoder) Failures() int { return d.failures }

// Stopped reports whether a fatal error stopped the decoder.
func (d *Decoder) Stopped() bool { return d.stopped }

// walkedMapping is a mapping node read with a list of known keys (its first
// element, nil for any keys).
type walkedMapping struct {
	n     *yaml.Node
	known *string
}

// Pos is where a value was found: its file, 1-based line and column (zero
// when unknown) and YAML path, with the sentinel of the document's kind.
type Pos struct {
	File         string
	Line, Column int
	Path         string
	Kind         error // sentinel of the document's kind, wrapped by Errorf's errors
}

// At returns the position of n, found at path.
func (d *Decoder) At(n *yaml.Node, path string) Pos {
	p := Pos{File: d.file, Path: path, Kind: d.kind}
	if n != nil {
		p.Line, p.Column = n.Line, n.Column
	}
	return p
}

// Errorf returns an error at p wrapping cause (which may be nil) and p's
// document kind.
func (p Pos) Errorf(cause error, format string, args ...any) *Error {
	return &Error{File: p.File, Line: p.Line, Column: p.Column, Path: p.Path, Msg: fmt.Sprintf(format, args...), Err: cause, Kind: p.Kind}
}

// Short returns "file:line:col".
func (p Pos) Short() string {
	return p.File + ":" + strconv.Itoa(p.Line) + ":" + strconv.Itoa(p.Column)
}

// Fail reports an error at n.
func (d *Decoder) Fail(n *yaml.Node, path string, cause error, format string, args ...any) {
	d.Add(d.At(n, path).Errorf(cause, format, args...))
}

// Add reports e unless it was reported already or the decoder stopped; past
// MaxErrors it only counts e in the list's last entry.
func (d *Decoder) Add(e *Error) {
	if e.Kind == nil {
		e.Kind = d.kind
	}
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

// Stop reports a fatal error, kept whatever the count, and stops the
// decoder: it reads no more values and reports nothing more.
func (d *Decoder) Stop(n *yaml.Node, path string, format string, args ...any) {
	if d.stopped {
		return
	}
	d.failures++
	e := d.At(n, path).Errorf(nil, format, args...)
	e.fatal = true
	if k := len(d.errs); k > 0 && d.errs[k-1].more > 0 {
		d.errs = slices.Insert(d.errs, k-1, e)
	} else {
		d.errs = append(d.errs, e)
	}
	d.stopped = true
}

// visit counts k values of n about to be walked and stops the Decoder when
// the aliases of the document expand past its budget.
func (d *Decoder) visit(n *yaml.Node, path string, k int) bool {
	if d.stopped {
		return false
	}
	d.visits += k
	if d.visits > d.budget {
		d.Stop(n, path, "yaml: aliases expand to too many values (more than %d)", d.budget)
		return false
	}
	return true
}

// Resolve follows aliases.
func Resolve(n *yaml.Node) *yaml.Node {
	for i := 0; n != nil && n.Kind == yaml.AliasNode && i < 32; i++ {
		n = n.Alias
	}
	return n
}

// KindName names the kind of n for messages: "a mapping", "a list", "null",
// "a scalar" or "a document".
func KindName(n *yaml.Node) string {
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

// Field is one key/value pair of a mapping.
type Field struct {
	Key     string
	KeyNode *yaml.Node // key node
	Value   *yaml.Node // value node, aliases resolved
	Path    string
}

// Join builds a YAML path; keys that are not plain identifiers are quoted.
func Join(path, key string) string {
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

// Index returns the path of the i-th element of the list at path.
func Index(path string, i int) string { return path + "[" + strconv.Itoa(i) + "]" }

// Mapping returns the fields of a mapping in document order. Keys outside
// known (when known is not nil) and duplicate keys are reported.
func (d *Decoder) Mapping(n *yaml.Node, path string, known []string) []Field {
	n = Resolve(n)
	if n == nil || d.stopped || n.Kind == yaml.ScalarNode && n.Tag == "!!null" {
		return nil
	}
	if n.Kind != yaml.MappingNode {
		d.Fail(n, path, nil, "must be a mapping, got %s", KindName(n))
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
			d.Fail(kn, path, nil, format, args...)
		}
	}
	seen := make(map[string]bool, len(n.Content)/2)
	fields := make([]Field, 0, len(n.Content)/2)
	for i := 0; i+1 < len(n.Content); i += 2 {
		kn, vn := Resolve(n.Content[i]), Resolve(n.Content[i+1])
		if kn == nil || kn.Kind != yaml.ScalarNode {
			keyError(n.Content[i], path, "keys must be scalars")
			continue
		}
		f := Field{Key: kn.Value, KeyNode: kn, Value: vn, Path: Join(path, kn.Value)}
		if kn.Tag == "!!merge" {
			keyError(kn, path, "merge keys (<<) are not supported")
			continue
		}
		if seen[f.Key] {
			keyError(kn, f.Path, "duplicate key %q", f.Key)
			continue
		}
		seen[f.Key] = true
		if known != nil && !slices.Contains(known, f.Key) {
			keyError(kn, f.Path, "unknown key %q (want one of %s)", f.Key, strings.Join(known, ", "))
			continue
		}
		fields = append(fields, f)
	}
	return fields
}

// Require reports each of names missing from fields.
func (d *Decoder) Require(n *yaml.Node, path string, fields []Field, names ...string) bool {
	ok := true
	for _, name := range names {
		found := false
		for _, f := range fields {
			if f.Key == name {
				found = true
				break
			}
		}
		if !found {
			d.Fail(n, path, nil, "missing required key %q", name)
			ok = false
		}
	}
	return ok
}

// Scalar returns the text of a scalar value; null and non-scalars are errors.
func (d *Decoder) Scalar(f Field) (string, bool) {
	s, ok := ScalarText(f.Value)
	if !ok {
		d.Fail(OrNode(f.Value, f.KeyNode), f.Path, nil, "must be a scalar, got %s", KindNameOr(f.Value))
	}
	return s, ok
}

// ScalarText returns the text of n if it is a scalar other than null.
func ScalarText(n *yaml.Node) (string, bool) {
	if n == nil || n.Kind != yaml.ScalarNode || n.Tag == "!!null" {
		return "", false
	}
	return n.Value, true
}

// Str is Scalar with a non-empty check.
func (d *Decoder) Str(f Field) (string, bool) {
	s, ok := d.Scalar(f)
	if ok && strings.TrimSpace(s) == "" {
		d.Fail(f.Value, f.Path, nil, "must not be empty")
		return "", false
	}
	return s, ok
}

// Parsed reads a non-empty scalar with parse and reports parse's error at
// the value's position.
func Parsed[T any](d *Decoder, f Field, parse func(string) (T, error)) (T, bool) {
	var zero T
	s, ok := d.Str(f)
	if !ok {
		return zero, false
	}
	v, err := parse(s)
	if err != nil {
		d.Fail(f.Value, f.Path, err, "%v", err)
		return zero, false
	}
	return v, true
}

// Field returns the list Item as a Field, for the scalar readers.
func (it Item) Field(parent Field) Field {
	return Field{Value: it.Node, Path: it.Path, KeyNode: parent.KeyNode}
}

// Boolean reads true or false.
func (d *Decoder) Boolean(f Field) (bool, bool) {
	s, ok := d.Scalar(f)
	if !ok {
		return false, false
	}
	switch s {
	case "true":
		return true, true
	case "false":
		return false, true
	}
	d.Fail(f.Value, f.Path, nil, "must be true or false, got %q", s)
	return false, false
}

// Item is one element of a list with its position.
type Item struct {
	Node *yaml.Node // the element, aliases resolved
	Path string
}

// List returns the elements of a sequence; a single scalar is not a list.
func (d *Decoder) List(f Field) []Item {
	elems := d.Sequence(f)
	items := make([]Item, 0, len(elems))
	for i, c := range elems {
		items = append(items, Item{Node: Resolve(c), Path: Index(f.Path, i)})
	}
	return items
}

// Sequence returns the elements of a sequence, aliases not resolved, for
// list and for readers that need an element's path only to report it.
func (d *Decoder) Sequence(f Field) []*yaml.Node {
	n := f.Value
	if n == nil || d.stopped || n.Kind == yaml.ScalarNode && n.Tag == "!!null" {
		return nil
	}
	if n.Kind != yaml.SequenceNode {
		d.Fail(n, f.Path, nil, "must be a list, got %s", KindName(n))
		return nil
	}
	if !d.visit(n, f.Path, len(n.Content)) {
		return nil
	}
	return n.Content
}

// Strings returns a list of non-empty, unique strings.
func (d *Decoder) Strings(f Field) []string {
	elems := d.Sequence(f)
	out := make([]string, 0, len(elems))
	seen := make(map[string]bool, len(elems))
	for i, c := range elems {
		// The element's path is built only to report an error.
		n := Resolve(c)
		s, ok := ScalarText(n)
		if !ok || strings.TrimSpace(s) == "" {
			if s, ok = d.Str(Item{Node: n, Path: Index(f.Path, i)}.Field(f)); !ok {
				continue
			}
		}
		if seen[s] {
			d.Fail(n, Index(f.Path, i), nil, "duplicate value %q", s)
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

// OrNode returns n, or alt when n is nil.
func OrNode(n, alt *yaml.Node) *yaml.Node {
	if n != nil {
		return n
	}
	return alt
}

// KindNameOr is KindName, "nothing" for nil.
func KindNameOr(n *yaml.Node) string {
	if n == nil {
		return "nothing"
	}
	return KindName(n)
}
