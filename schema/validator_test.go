package schema

import (
	"encoding/json"
	"fmt"
	"math"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// validator checks YAML nodes against the subset of JSON Schema 2020-12 the
// schemas use. checkSchema rejects any other keyword, so a schema never
// relies on something the validator silently ignores.
type validator struct {
	root     map[string]any
	patterns map[string]*regexp.Regexp
}

// problem is one validation error at a position of the YAML file.
type problem struct {
	line, col int
	path, msg string
}

func (p problem) String() string { return fmt.Sprintf("%d:%d: %s: %s", p.line, p.col, p.path, p.msg) }

// known lists the keywords the validator implements; annotations are known
// and ignored.
var known = map[string]bool{
	"$schema": true, "$id": true, "$defs": true, "$comment": true, "title": true, "description": true,
	"markdownDescription": true, "examples": true, "default": true,
	"$ref": true, "type": true, "enum": true, "const": true,
	"properties": true, "additionalProperties": true, "required": true, "propertyNames": true,
	"minProperties": true, "maxProperties": true, "dependentSchemas": true,
	"items": true, "minItems": true, "uniqueItems": true,
	"pattern": true, "minLength": true, "minimum": true,
	"oneOf": true, "anyOf": true, "allOf": true, "not": true,
}

func newValidator(src []byte) (*validator, error) {
	var root map[string]any
	if err := json.Unmarshal(src, &root); err != nil {
		return nil, err
	}
	v := &validator{root: root, patterns: map[string]*regexp.Regexp{}}
	if err := v.checkSchema(root, "#"); err != nil {
		return nil, err
	}
	return v, nil
}

// checkSchema walks every subschema: keywords must be known, patterns must
// compile and references must resolve.
func (v *validator) checkSchema(s any, at string) error {
	switch s := s.(type) {
	case bool:
		return nil
	case map[string]any:
		for k, x := range s {
			if !known[k] {
				return fmt.Errorf("%s: keyword %q is not supported by the test's validator", at, k)
			}
			var err error
			switch k {
			case "$defs", "properties", "dependentSchemas":
				m, ok := x.(map[string]any)
				if !ok {
					return fmt.Errorf("%s/%s: want an object", at, k)
				}
				for name, sub := range m {
					if err = v.checkSchema(sub, at+"/"+k+"/"+name); err != nil {
						return err
					}
				}
			case "additionalProperties", "propertyNames", "items", "not":
				err = v.checkSchema(x, at+"/"+k)
			case "oneOf", "anyOf", "allOf":
				list, ok := x.([]any)
				if !ok {
					return fmt.Errorf("%s/%s: want an array", at, k)
				}
				for i, sub := range list {
					if err = v.checkSchema(sub, fmt.Sprintf("%s/%s/%d", at, k, i)); err != nil {
						return err
					}
				}
			case "$ref":
				ref, _ := x.(string)
				if _, err = v.resolve(ref); err != nil {
					return fmt.Errorf("%s: %w", at, err)
				}
			case "pattern":
				p, _ := x.(string)
				if _, err = v.pattern(p); err != nil {
					return fmt.Errorf("%s: %w", at, err)
				}
			case "enum":
				for _, e := range x.([]any) {
					switch e.(type) {
					case string, float64, bool, nil:
					default:
						return fmt.Errorf("%s: enum values must be scalars", at)
					}
				}
			}
			if err != nil {
				return err
			}
		}
		return nil
	}
	return fmt.Errorf("%s: a schema must be an object or a boolean", at)
}

func (v *validator) resolve(ref string) (any, error) {
	name, ok := strings.CutPrefix(ref, "#/$defs/")
	if !ok {
		return nil, fmt.Errorf("unsupported $ref %q (only #/$defs/NAME)", ref)
	}
	defs, _ := v.root["$defs"].(map[string]any)
	s, ok := defs[name]
	if !ok {
		return nil, fmt.Errorf("$ref %q: no such definition", ref)
	}
	return s, nil
}

func (v *validator) pattern(p string) (*regexp.Regexp, error) {
	if re, ok := v.patterns[p]; ok {
		return re, nil
	}
	re, err := regexp.Compile(p)
	if err != nil {
		return nil, err
	}
	v.patterns[p] = re
	return re, nil
}

// resolveNode follows aliases and documents.
func resolveNode(n *yaml.Node) *yaml.Node {
	for n != nil {
		switch {
		case n.Kind == yaml.AliasNode:
			n = n.Alias
		case n.Kind == yaml.DocumentNode && len(n.Content) == 1:
			n = n.Content[0]
		default:
			return n
		}
	}
	return n
}

// typeOf is the JSON type of a YAML node under the YAML 1.2 core schema;
// timestamps are strings, as YAML language servers read them.
func typeOf(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "object"
	case yaml.SequenceNode:
		return "array"
	}
	switch n.ShortTag() {
	case "!!int":
		return "integer"
	case "!!float":
		return "number"
	case "!!bool":
		return "boolean"
	case "!!null":
		return "null"
	}
	return "string"
}

// scalar is a YAML scalar as the JSON value it stands for.
func scalar(n *yaml.Node) any {
	switch typeOf(n) {
	case "integer", "number":
		f, err := strconv.ParseFloat(strings.ReplaceAll(n.Value, "_", ""), 64)
		if err != nil {
			if i, err := strconv.ParseInt(n.Value, 0, 64); err == nil {
				return float64(i)
			}
			return n.Value
		}
		return f
	case "boolean":
		return strings.EqualFold(n.Value, "true")
	case "null":
		return nil
	case "string":
		return n.Value
	}
	return n // objects and arrays are compared by identity only
}

func (v *validator) validate(s any, n *yaml.Node, path string) []problem {
	n = resolveNode(n)
	fail := func(format string, args ...any) []problem {
		return []problem{{line: n.Line, col: n.Column, path: path, msg: fmt.Sprintf(format, args...)}}
	}
	switch s := s.(type) {
	case bool:
		if !s {
			return fail("not allowed")
		}
		return nil
	case map[string]any:
		var out []problem
		// Deterministic order of keywords.
		keys := make([]string, 0, len(s))
		for k := range s {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			out = append(out, v.keyword(k, s[k], s, n, path, fail)...)
		}
		return out
	}
	return fail("invalid schema")
}

func (v *validator) keyword(k string, x any, s map[string]any, n *yaml.Node, path string, fail func(string, ...any) []problem) []problem {
	t := typeOf(n)
	switch k {
	case "$ref":
		sub, _ := v.resolve(x.(string))
		return v.validate(sub, n, path)
	case "type":
		var types []string
		switch x := x.(type) {
		case string:
			types = []string{x}
		case []any:
			for _, e := range x {
				types = append(types, e.(string))
			}
		}
		for _, want := range types {
			if want == t || want == "number" && t == "integer" {
				return nil
			}
			if want == "integer" && t == "number" {
				if f, ok := scalar(n).(float64); ok && f == math.Trunc(f) {
					return nil
				}
			}
		}
		return fail("must be %s, got %s", strings.Join(types, " or "), t)
	case "enum":
		val := scalar(n)
		var names []string
		for _, e := range x.([]any) {
			if e == val {
				return nil
			}
			names = append(names, fmt.Sprint(e))
		}
		return fail("must be one of %s, got %v", strings.Join(names, ", "), describe(n))
	case "const":
		if scalar(n) != x {
			return fail("must be %v, got %v", x, describe(n))
		}
	case "pattern":
		if t != "string" {
			return nil
		}
		re, _ := v.pattern(x.(string))
		if !re.MatchString(n.Value) {
			return fail("%q does not match %s", n.Value, x)
		}
	case "minLength":
		if t == "string" && utf8.RuneCountInString(n.Value) < int(x.(float64)) {
			return fail("must have at least %v characters", x)
		}
	case "minimum":
		if f, ok := scalar(n).(float64); ok && (t == "integer" || t == "number") && f < x.(float64) {
			return fail("must be at least %v", x)
		}
	case "items":
		if t != "array" {
			return nil
		}
		var out []problem
		for i, c := range n.Content {
			out = append(out, v.validate(x, c, fmt.Sprintf("%s[%d]", path, i))...)
		}
		return out
	case "minItems":
		if t == "array" && len(n.Content) < int(x.(float64)) {
			return fail("must have at least %v items", x)
		}
	case "uniqueItems":
		if t != "array" || x != true {
			return nil
		}
		seen := map[any]bool{}
		for _, c := range n.Content {
			val := scalar(resolveNode(c))
			if seen[val] {
				return fail("duplicate item %v", val)
			}
			seen[val] = true
		}
	case "properties", "additionalProperties", "propertyNames", "required", "minProperties", "maxProperties", "dependentSchemas":
		if t != "object" {
			return nil
		}
		return v.object(k, x, s, n, path, fail)
	case "oneOf", "anyOf":
		// When nothing matches, report the alternative that went furthest:
		// the fewest problems at this very path (say, a missing key that
		// selects the alternative), then the fewest problems.
		var best []problem
		score := func(ps []problem) (here int) {
			for _, p := range ps {
				if p.path == path {
					here++
				}
			}
			return here
		}
		matches := 0
		for _, sub := range x.([]any) {
			ps := v.validate(sub, n, path)
			switch {
			case len(ps) == 0:
				matches++
			case best == nil || score(ps) < score(best) || score(ps) == score(best) && len(ps) < len(best):
				best = ps
			}
		}
		switch {
		case matches == 0:
			return best
		case k == "oneOf" && matches > 1:
			return fail("matches %d alternatives of oneOf, want exactly one", matches)
		}
	case "allOf":
		var out []problem
		for _, sub := range x.([]any) {
			out = append(out, v.validate(sub, n, path)...)
		}
		return out
	case "not":
		if len(v.validate(x, n, path)) == 0 {
			return fail("%v is not allowed", describe(n))
		}
	}
	return nil
}

func (v *validator) object(k string, x any, s map[string]any, n *yaml.Node, path string, fail func(string, ...any) []problem) []problem {
	type pair struct {
		key   *yaml.Node
		value *yaml.Node
	}
	var pairs []pair
	for i := 0; i+1 < len(n.Content); i += 2 {
		pairs = append(pairs, pair{resolveNode(n.Content[i]), n.Content[i+1]})
	}
	join := func(key string) string {
		if path == "" {
			return key
		}
		return path + "." + key
	}
	var out []problem
	switch k {
	case "properties":
		props := x.(map[string]any)
		for _, p := range pairs {
			if sub, ok := props[p.key.Value]; ok {
				out = append(out, v.validate(sub, p.value, join(p.key.Value))...)
			}
		}
	case "additionalProperties":
		props, _ := s["properties"].(map[string]any)
		for _, p := range pairs {
			if _, ok := props[p.key.Value]; ok {
				continue
			}
			if x == false {
				out = append(out, problem{p.key.Line, p.key.Column, join(p.key.Value), "unknown key"})
				continue
			}
			out = append(out, v.validate(x, p.value, join(p.key.Value))...)
		}
	case "propertyNames":
		for _, p := range pairs {
			for _, pr := range v.validate(x, p.key, join(p.key.Value)) {
				pr.msg = "key: " + pr.msg
				out = append(out, pr)
			}
		}
	case "required":
		for _, r := range x.([]any) {
			found := false
			for _, p := range pairs {
				found = found || p.key.Value == r
			}
			if !found {
				out = append(out, fail("missing required key %q", r)...)
			}
		}
	case "minProperties":
		if len(pairs) < int(x.(float64)) {
			return fail("must have at least %v keys", x)
		}
	case "maxProperties":
		if len(pairs) > int(x.(float64)) {
			return fail("must have at most %v keys", x)
		}
	case "dependentSchemas":
		for name, sub := range x.(map[string]any) {
			for _, p := range pairs {
				if p.key.Value == name {
					out = append(out, v.validate(sub, n, path)...)
				}
			}
		}
	}
	return out
}

func describe(n *yaml.Node) string {
	if n.Kind == yaml.ScalarNode {
		return strconv.Quote(n.Value)
	}
	return typeOf(n)
}
