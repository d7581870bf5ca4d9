package yamlpos

import (
	"fmt"
	"slices"
	"strconv"

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
	text  string   // the document
	kind  error    // sentinel of the document's kind, wrapped by every error
	lines []string // text split into lines without their breaks, when first needed (positions of errors)
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
		file: file, text: string(src), kind: kind,
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
