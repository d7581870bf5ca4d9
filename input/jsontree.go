package input

import (
	"bytes"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"github.com/tiercel/tiercel/internal/yamlpos"
)

// document decodes src, a YAML document or a JSON one (which YAML reads
// too): a document that starts with "{" and is JSON is built by a scanner
// of its own, several times faster than yaml.v3's parser, into the tree
// yaml.v3 would build; any other, a YAML flow mapping included, is parsed
// by yaml.v3, if it is at most MaxYAMLSize bytes (ErrYAMLTooLarge, at its
// first line, otherwise).
func document(d *yamlpos.Decoder, src []byte) *yaml.Node {
	if trimmed := bytes.TrimLeft(src, " \t\r\n"); len(trimmed) > 0 && trimmed[0] == '{' {
		t := &jsonTree{jsonScan: jsonScan{b: src}, line: 1, col: 1}
		if root, ok := t.node(0); ok && t.ws() == 0 {
			return d.Tree(root)
		}
	}
	if len(src) > MaxYAMLSize {
		d.Fail(&yaml.Node{Line: 1, Column: 1}, "", ErrYAMLTooLarge,
			"%d bytes of YAML: the limit is %d MiB (write the file as JSON for up to 16 MiB)", len(src), MaxYAMLSize>>20)
		return nil
	}
	return d.Document()
}

// jsonTree builds the yaml.Node tree of a JSON document in one pass, each
// node with its line and column (counted in runes, as yaml.v3 counts).
type jsonTree struct {
	jsonScan
	off, line, col int // the line and column of offset off
}

// at sets n's line and column to the current offset's.
func (t *jsonTree) at(n *yaml.Node) {
	for t.off < t.i {
		c := t.b[t.off]
		switch {
		case c == '\n':
			t.line, t.col, t.off = t.line+1, 1, t.off+1
		case c < utf8.RuneSelf:
			t.col, t.off = t.col+1, t.off+1
		default:
			_, size := utf8.DecodeRune(t.b[t.off:])
			t.col, t.off = t.col+1, t.off+size
		}
	}
	n.Line, n.Column = t.line, t.col
}

// node reads the value at the current offset, at depth.
func (t *jsonTree) node(depth int) (*yaml.Node, bool) {
	if depth >= maxDepth {
		return nil, t.fail("exceeded max depth")
	}
	c := t.ws()
	n := &yaml.Node{}
	t.at(n)
	switch c {
	case '{':
		n.Kind, n.Tag, n.Style = yaml.MappingNode, "!!map", yaml.FlowStyle
		return n, t.members(n, depth)
	case '[':
		n.Kind, n.Tag, n.Style = yaml.SequenceNode, "!!seq", yaml.FlowStyle
		return n, t.elements(n, depth)
	}
	v, ok := t.value()
	n.Kind = yaml.ScalarNode
	switch v.kind {
	case '"':
		n.Tag, n.Style, n.Value = "!!str", yaml.DoubleQuotedStyle, v.text
	case '0':
		n.Value = v.text
		n.Tag = n.ShortTag() // !!int or !!float, as yaml.v3 resolves it
	case 't', 'f':
		n.Tag, n.Value = "!!bool", map[byte]string{'t': "true", 'f': "false"}[v.kind]
	case 'n':
		n.Tag, n.Value = "!!null", "null"
	}
	return n, ok
}

// members reads the members of the object n, whose brace is next.
func (t *jsonTree) members(n *yaml.Node, depth int) bool {
	t.i++
	if t.ws() == '}' {
		t.i++
		return true
	}
	for {
		t.ws()
		k := &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Style: yaml.DoubleQuotedStyle}
		t.at(k)
		key, ok := t.str("looking for beginning of object key string")
		if !ok || !t.expect(':', "after object key") {
			return false
		}
		k.Value = key
		v, ok := t.node(depth + 1)
		if !ok {
			return false
		}
		n.Content = append(n.Content, k, v)
		if t.ws() == '}' {
			t.i++
			return true
		}
		if !t.expect(',', "after object key:value pair") {
			return false
		}
	}
}

// elements reads the elements of the array n, whose bracket is next.
func (t *jsonTree) elements(n *yaml.Node, depth int) bool {
	t.i++
	if t.ws() == ']' {
		t.i++
		return true
	}
	for {
		v, ok := t.node(depth + 1)
		if !ok {
			return false
		}
		n.Content = append(n.Content, v)
		if t.ws() == ']' {
			t.i++
			return true
		}
		if !t.expect(',', "after array element") {
			return false
		}
	}
}
