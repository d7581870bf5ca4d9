package rules

import (
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// decoder walks a yaml.Node tree, keeps the position of every value and
// collects every error it finds instead of stopping at the first.
type decoder struct {
	file  string
	src   []byte
	lines []string // src split into lines, for positions inside scalars
	errs  ErrorList
}

func newDecoder(file string, src []byte) *decoder {
	return &decoder{file: file, src: src, lines: strings.Split(string(src), "\n")}
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
	d.errs = append(d.errs, d.at(n, path).errorf(cause, format, args...))
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
	if !plainKey.MatchString(key) {
		key = strconv.Quote(key)
	}
	if path == "" {
		return key
	}
	return path + "." + key
}

var plainKey = regexp.MustCompile(`^[A-Za-z0-9_][A-Za-z0-9_./-]*$`)

func index(path string, i int) string { return fmt.Sprintf("%s[%d]", path, i) }

// mapping returns the fields of a mapping in document order. Keys outside
// known (when known is not nil) and duplicate keys are reported.
func (d *decoder) mapping(n *yaml.Node, path string, known []string) []field {
	n = resolve(n)
	if n == nil || n.Kind == yaml.ScalarNode && n.Tag == "!!null" {
		return nil
	}
	if n.Kind != yaml.MappingNode {
		d.fail(n, path, nil, "must be a mapping, got %s", kindName(n))
		return nil
	}
	seen := make(map[string]bool, len(n.Content)/2)
	fields := make([]field, 0, len(n.Content)/2)
	for i := 0; i+1 < len(n.Content); i += 2 {
		kn, vn := resolve(n.Content[i]), resolve(n.Content[i+1])
		if kn == nil || kn.Kind != yaml.ScalarNode {
			d.fail(n.Content[i], path, nil, "keys must be scalars")
			continue
		}
		f := field{key: kn.Value, kn: kn, vn: vn, path: join(path, kn.Value)}
		if kn.Tag == "!!merge" {
			d.fail(kn, path, nil, "merge keys (<<) are not supported")
			continue
		}
		if seen[f.key] {
			d.fail(kn, f.path, nil, "duplicate key %q", f.key)
			continue
		}
		seen[f.key] = true
		if known != nil && !slices.Contains(known, f.key) {
			d.fail(kn, f.path, nil, "unknown key %q (want one of %s)", f.key, strings.Join(known, ", "))
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
	n := f.vn
	if n == nil || n.Kind != yaml.ScalarNode || n.Tag == "!!null" {
		d.fail(orNode(n, f.kn), f.path, nil, "must be a scalar, got %s", kindNameOr(n))
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
	n := f.vn
	if n == nil || n.Kind == yaml.ScalarNode && n.Tag == "!!null" {
		return nil
	}
	if n.Kind != yaml.SequenceNode {
		d.fail(n, f.path, nil, "must be a list, got %s", kindName(n))
		return nil
	}
	items := make([]item, 0, len(n.Content))
	for i, c := range n.Content {
		items = append(items, item{n: resolve(c), path: index(f.path, i)})
	}
	return items
}

// strings returns a list of non-empty, unique strings.
func (d *decoder) strings(f field) []string {
	var out []string
	for _, it := range d.list(f) {
		s, ok := d.str(it.field(f))
		if !ok {
			continue
		}
		if slices.Contains(out, s) {
			d.fail(it.n, it.path, nil, "duplicate value %q", s)
			continue
		}
		out = append(out, s)
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

// parseDocument decodes src as exactly one YAML document.
func (d *decoder) parseDocument() *yaml.Node {
	var doc yaml.Node
	dec := yaml.NewDecoder(strings.NewReader(string(d.src)))
	if err := dec.Decode(&doc); err != nil {
		if err.Error() == "EOF" {
			d.errs = append(d.errs, &Error{File: d.file, Line: 1, Column: 1, Msg: "empty document"})
			return nil
		}
		d.errs = append(d.errs, d.yamlError(err))
		return nil
	}
	var extra yaml.Node
	if err := dec.Decode(&extra); err == nil {
		d.fail(&extra, "", nil, "more than one YAML document; give each document its own file")
		return nil
	} else if err.Error() != "EOF" {
		d.errs = append(d.errs, d.yamlError(err))
		return nil
	}
	if len(doc.Content) == 0 {
		d.errs = append(d.errs, &Error{File: d.file, Line: 1, Column: 1, Msg: "empty document"})
		return nil
	}
	return doc.Content[0]
}

var yamlLine = regexp.MustCompile(`^yaml: (?:line (\d+): )?(.*)$`)

// yamlError turns a yaml.v3 syntax error into a positioned Error. yaml.v3
// reports lines but not columns; the column is the line's first non-blank
// character.
func (d *decoder) yamlError(err error) *Error {
	e := &Error{File: d.file, Line: 1, Column: 1, Msg: err.Error(), Err: err}
	var te *yaml.TypeError
	if errors.As(err, &te) && len(te.Errors) > 0 {
		e.Msg = te.Errors[0]
	}
	if m := yamlLine.FindStringSubmatch(e.Msg); m != nil {
		e.Msg = "yaml: " + m[2]
		if m[1] != "" {
			if l, convErr := strconv.Atoi(m[1]); convErr == nil && l > 0 {
				e.Line = l
				e.Column = d.firstColumn(l)
			}
		}
	}
	d.explainTab(e)
	return e
}

func (d *decoder) firstColumn(line int) int {
	if line < 1 || line > len(d.lines) {
		return 1
	}
	text := d.lines[line-1]
	trimmed := strings.TrimLeft(text, " \t")
	return utf8.RuneCountInString(text[:len(text)-len(trimmed)]) + 1
}

// exprPos maps a 0-based rune offset inside the value of scalar n to a
// 1-based line and column of the file. It aligns the decoded value with the
// raw text of the file, so plain, quoted, literal (|) and folded (>) scalars
// all map back to where the characters are written.
func (d *decoder) exprPos(n *yaml.Node, value string, offset int) (line, col int) {
	line, col = n.Line, n.Column
	if line < 1 || line > len(d.lines) {
		return line, col
	}
	// Start of the text of the value.
	l, c := line-1, col-1 // 0-based line index, 0-based rune column
	switch n.Style {
	case yaml.LiteralStyle, yaml.FoldedStyle:
		l, c = l+1, 0
	case yaml.DoubleQuotedStyle, yaml.SingleQuotedStyle:
		c++
	}
	runesOf := func(i int) []rune {
		if i < len(d.lines) {
			return []rune(d.lines[i])
		}
		return nil
	}
	cur := runesOf(l)
	vr := []rune(value)
	if offset > len(vr) {
		offset = len(vr)
	}
	for i := 0; i <= offset && i < len(vr); i++ {
		want := vr[i]
		// Advance to the next file rune equal to want, skipping only layout
		// (blanks, line breaks, quote escapes).
		for {
			if c >= len(cur) {
				if l+1 >= len(d.lines) {
					return l + 1, c + 1
				}
				l, c, cur = l+1, 0, runesOf(l+1)
				if want == '\n' || want == ' ' {
					break
				}
				continue
			}
			r := cur[c]
			if r == want {
				break
			}
			if r == ' ' || r == '\t' || r == '\\' || r == '\'' || r == '"' {
				c++
				continue
			}
			// Unmatched (an escape that decodes to another rune): stay.
			break
		}
		if i == offset {
			return l + 1, c + 1
		}
		if c < len(cur) && cur[c] == want {
			c++
		}
	}
	return l + 1, c + 1
}
