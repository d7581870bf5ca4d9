package yamlpos

import (
	"strings"

	"go.yaml.in/yaml/v3"
)

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
