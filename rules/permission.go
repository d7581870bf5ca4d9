package rules

import (
	"regexp"

	"cel.dev/cel-go/cel"
	"go.yaml.in/yaml/v3"
)

// permissionKeys are the keys of a permissions entry.
var permissionKeys = []string{"description", "allow"}

type permissionDef struct {
	action      string
	at          pos
	description string
	allow       *expr
}

func (d *decoder) parsePermission(f field) *permissionDef {
	pd := &permissionDef{action: f.Key, at: d.At(f.KeyNode, f.Path)}
	if !actionPattern.MatchString(f.Key) {
		d.Fail(f.KeyNode, f.Path, nil, "invalid action %q: use dotted lowercase words, e.g. cases.create", f.Key)
		return nil
	}
	// Either "action: <CEL>" or "action: {allow: <CEL>, description: ...}".
	if f.Value != nil && f.Value.Kind == yaml.MappingNode {
		fields := d.Mapping(f.Value, f.Path, permissionKeys)
		if !d.Require(f.KeyNode, f.Path, fields, "allow") {
			return nil
		}
		for _, c := range fields {
			switch c.Key {
			case "description":
				pd.description, _ = d.Scalar(c)
			case "allow":
				pd.allow = d.expr(c)
			}
		}
	} else {
		pd.allow = d.expr(f)
	}
	if pd.allow == nil {
		return nil
	}
	return pd
}

var actionPattern = regexp.MustCompile(`^[a-z][a-zA-Z0-9_-]*(\.[a-z][a-zA-Z0-9_-]*)*$`)

// permission is a compiled permissions entry.
type permission struct {
	action, description string
	rule                string // "permissions.<action>"
	allow               cel.Program
	at                  pos    // the action, for Coverage
	src                 string // allow as written, for Diff
	usesNow             bool   // allow reads now, which then needs the case's Now or a non-zero Opened (see Allowed)
}

// compilePermissions checks every permission (actions unique across files,
// allow a bool expression) and compiles it.
func (c *compiler) compilePermissions(defs []*permissionDef) map[string]*permission {
	perms := map[string]*permission{}
	seen := map[string]pos{}
	for _, pd := range defs {
		if !c.claim(seen, "action", pd.action, pd.at) {
			continue
		}
		prg, ok := c.compileExpr(pd.allow, cel.BoolType)
		if !ok {
			continue
		}
		perms[pd.action] = &permission{
			action: pd.action, description: pd.description, rule: "permissions." + pd.action,
			allow: prg, src: pd.allow.src, usesNow: c.usesVariable(pd.allow, "now"), at: pd.at,
		}
	}
	return perms
}

// usesVariable reports whether the checked expression x refers to the
// variable name. x has compiled without errors.
func (c *compiler) usesVariable(x *expr, name string) bool {
	ast, iss := c.env.Compile(x.src)
	if iss != nil && len(iss.Errors()) > 0 {
		return true // cannot tell: be strict
	}
	for _, ref := range ast.NativeRep().ReferenceMap() {
		if ref.Name == name && ref.Value == nil {
			return true
		}
	}
	return false
}
