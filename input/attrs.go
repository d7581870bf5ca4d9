package input

import (
	"strconv"

	"go.yaml.in/yaml/v3"

	"github.com/tiercel/tiercel/internal/yamlpos"
)

// AttrValue reads an attribute written as text (a CSV cell, a --attr
// flag): true and false are booleans, an integer written as
// strconv.FormatInt writes it is an int64, anything else is the string
// itself.
func AttrValue(v string) any {
	switch v {
	case "true":
		return true
	case "false":
		return false
	}
	if n, err := strconv.ParseInt(v, 10, 64); err == nil && strconv.FormatInt(n, 10) == v {
		return n
	}
	return v
}

// DecodeAttrs reads the attributes mapping of f (a case's, an event's, a
// contract's attrs) for CEL, reporting its errors to d. It is for the
// packages of this module that read cases inside their own YAML documents.
//
// Values keep the types YAML gives them, as yaml.v3 decodes them into an
// interface: strings, int (uint64 or float64 past int64), float64, bool,
// nil for null, time.Time for a timestamp, lists as []any and mappings as
// map[string]any (keys are read as their text). The mapping is walked once,
// its duplicate keys found with a map and reported at their position, so
// reading is linear in its size; aliases count against d's budget.
func DecodeAttrs(d *yamlpos.Decoder, f yamlpos.Field) (map[string]any, bool) {
	if f.Value == nil || f.Value.Kind != yaml.MappingNode {
		d.Fail(yamlpos.OrNode(f.Value, f.KeyNode), f.Path, nil, "must be a mapping, got %s", yamlpos.KindNameOr(f.Value))
		return nil, false
	}
	before := d.Failures()
	m := attrMap(d, f.Value, f.Path)
	return m, d.Failures() == before
}

// attrMap reads a mapping of attributes.
func attrMap(d *yamlpos.Decoder, n *yaml.Node, path string) map[string]any {
	fields := d.Mapping(n, path, nil)
	m := make(map[string]any, len(fields))
	for _, x := range fields {
		m[x.Key] = attrNode(d, x.Value, x.Path)
	}
	return m
}

// attrNode reads one attribute value, aliases resolved.
func attrNode(d *yamlpos.Decoder, n *yaml.Node, path string) any {
	n = yamlpos.Resolve(n)
	if n == nil {
		return nil
	}
	switch n.Kind {
	case yaml.MappingNode:
		return attrMap(d, n, path)
	case yaml.SequenceNode:
		elems := d.Sequence(yamlpos.Field{Value: n, Path: path})
		list := make([]any, len(elems))
		for i, c := range elems {
			list[i] = attrNode(d, c, yamlpos.Index(path, i))
		}
		return list
	}
	if n.Tag == "!!str" && n.Kind == yaml.ScalarNode { // the common case, without a decoder
		return n.Value
	}
	var v any
	if err := n.Decode(&v); err != nil { // one scalar: no keys to compare
		d.Fail(n, path, err, "%v", err)
		return nil
	}
	return v
}
