package yamlpos

import (
	"slices"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

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
	// keys has the same key errors: they were reported the first time. Its
	// first read with errors records it; a read without errors records
	// nothing, as a later read of it has none either.
	wk := walkedMapping{n: n}
	if len(known) > 0 {
		wk.known = &known[0]
	}
	again, looked := false, false
	keyError := func(kn *yaml.Node, path, format string, args ...any) {
		if !looked {
			again, looked = d.walked[wk], true
			d.walked[wk] = true
		}
		if !again {
			d.Fail(kn, path, nil, format, args...)
		}
	}
	var seen map[string]bool // the keys before, past smallMapping keys
	if len(n.Content) > 2*smallMapping {
		seen = make(map[string]bool, len(n.Content)/2)
	}
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
		if keyBefore(n.Content[:i], f.Key, seen) {
			keyError(kn, f.Path, "duplicate key %q", f.Key)
			continue
		}
		if known != nil && !slices.Contains(known, f.Key) {
			keyError(kn, f.Path, "unknown key %q (want one of %s)", f.Key, strings.Join(known, ", "))
			continue
		}
		fields = append(fields, f)
	}
	return fields
}

// smallMapping is the number of keys up to which Mapping finds a duplicate
// key by looking at the keys before it rather than in a map.
const smallMapping = 16

// keyBefore reports whether key is one of the scalar, non-merge keys of
// before, the mapping's content before it; with seen (a large mapping) it
// looks there and adds key.
func keyBefore(before []*yaml.Node, key string, seen map[string]bool) bool {
	if seen != nil {
		dup := seen[key]
		seen[key] = true
		return dup
	}
	for j := 0; j < len(before); j += 2 {
		if kn := Resolve(before[j]); kn != nil && kn.Kind == yaml.ScalarNode && kn.Tag != "!!merge" && kn.Value == key {
			return true
		}
	}
	return false
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
