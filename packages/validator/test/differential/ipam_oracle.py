"""
An independent oracle for Viplane's ipam/* rules (issue 11 §2), written from the rule docs with
Python's stdlib `ipaddress` only: it shares no code, no data structure and no algorithm with the
validator (plain pairwise loops and sets instead of sorted indexes and typed arrays).

stdin: a JSON list of topology documents. stdout: a JSON list, per document, of findings
"ruleId|target,target,..." (targets sorted and unique), sorted.

Decisions the rule docs leave open, taken the same way here and in the validator (see the rule docs):
- blank text (""/whitespace) is "not set"; a text that does not parse is ignored by every rule here;
- an empty routingDomain is the default domain;
- HAProxy VIP ranges lie on the frontend NIC's network (Frontend topology) or the primary workload
  network of the Supervisor the HAProxy serves, else its workload NIC's network (Default topology);
- capacity: addresses of the ranges inside the subnet, minus network/broadcast (IPv6: the
  Subnet-Router anycast address), reserved ranges, the network's HAProxy VIP ranges (for every pool
  but an HAProxy VIP range) and held addresses (gateways included), for every pool kind and both
  families;
- the Supervisor holds controlPlaneCount + 2 consecutive management addresses;
- the vCenter server and an NSX-T Tier-0's NSX Manager, when given as an IP address (surrounding
  blanks ignored; a host name holds nothing), are held on no network in the default routing domain;
  every element naming the same server is one claimant;
- duplicate-ip: virtual services of one load balancer may share a VIP on different ports; a VS for a
  TKG cluster's fixed NSX-ALB endpoint is that endpoint; with two claimants or more every holder is
  named; with one, only the VSs sharing address and port;
- cluster-cidr-overlap: a CIDR with host bits set stands for the network it names (invalid-cidr reports
  the text); a Supervisor's routing domain is that of its management network (the rule doc names the
  node network only); routable pods = a TKG cluster whose routablePods is set (any Tier-1, even none).
"""
import ipaddress
import json
import re
import sys

NETWORK_KINDS = ("portGroup", "nsxtSegment", "clientNetwork")
GATEWAY_HOLDERS = ("router", "nsxtTier0")
DYNAMIC = ("se-pool", "vip-pool", "se-vip-pool", "dhcp", "node", "workload", "haproxy-vip")
VIP_POOLS = ("vip-pool", "se-vip-pool", "haproxy-vip")
ROLE_OF_HOLDER = {"aviController": "controller", "seGroup": "se-interface", "haproxy": "haproxy-interface", "supervisor": "supervisor-management"}


def blank(t):
    return t is None or t.strip() == ""


# The model's address dialect (@viplane/model parseIp/parseCidr, i.e. the ip-address
# library), which is narrower than Python's ipaddress in a few places, taken the same way here:
# - no blanks around or inside a value, no IPv6 zone (`%eth0`), no `[...]`;
# - the prefix length is ASCII digits only (Python also reads a netmask `/255.0.0.0` or a hostmask):
#   1-2 digits for IPv4 (so `/08` is read as /8, as ip-address does), 1-3 for IPv6 (`/064` is /64);
# - IPv4 octets without leading zeros (Python >= 3.9.5 agrees), IPv6 with an embedded dotted quad is fine.
PREFIX_DIGITS = {4: 2, 6: 3}


def parse_ip(t):
    """The address, or None when the model's parser refuses it."""
    if t is None or t != t.strip() or t == "" or "/" in t or "%" in t or not t.isascii():
        return None
    try:
        return ipaddress.ip_address(t)
    except ValueError:
        return None


def parse_cidr(t):
    """(address as written, network) or None; host bits allowed (the caller decides)."""
    if t is None or "/" not in t:
        return None
    a, _, p = t.partition("/")
    ip = parse_ip(a)
    if ip is None or not p.isascii() or not p.isdigit() or len(p) > PREFIX_DIGITS[ip.version]:
        return None
    n = int(p)
    if n > ip.max_prefixlen:
        return None
    return ip, ipaddress.ip_network((ip, n), strict=False)


def addr(t):
    return parse_ip(t)


def net(t):
    """A CIDR (host bits tolerated: the network they name)."""
    c = parse_cidr(t)
    return c[1] if c is not None else None


def reserved_of(n):
    """Addresses of a subnet no host may take."""
    if n.version == 4:
        return [n.network_address, n.broadcast_address] if n.prefixlen <= 30 else []
    return [n.network_address] if n.prefixlen <= 126 else []


class Design:
    def __init__(self, doc):
        self.el = {e["id"]: e for e in doc["elements"]}
        self.elements = doc["elements"]
        self.links = doc["links"]
        self.nics = [l for l in self.links if l["kind"] == "nic"]
        # networks
        self.networks = {}
        for e in self.elements:
            if e["kind"] in NETWORK_KINDS:
                p = e["props"]
                d = (p.get("routingDomain") or "").strip() or "default"
                self.networks[e["id"]] = {
                    "id": e["id"],
                    "subnet": net(p.get("subnet")),
                    "gateway": addr(p.get("gateway")),
                    "domain": d,
                    "dhcp": bool(p.get("dhcp", False)),
                }
        # ranges: id, owner, network id, purpose, (lo, hi) or None
        self.ranges = []
        for e in self.elements:
            if e["kind"] in ("portGroup", "nsxtSegment", "workloadNetwork"):
                netid = e["id"] if e["kind"] != "workloadNetwork" else e["props"]["portGroupId"]
                for r in e["props"]["ranges"]:
                    a, b = addr(r["start"]), addr(r["end"])
                    iv = (a, b) if a is not None and b is not None and a.version == b.version and a <= b else None
                    self.ranges.append({"id": r["id"], "owner": e["id"], "net": netid, "purpose": r["purpose"], "iv": iv})
        for e in self.elements:
            if e["kind"] == "haproxy":
                vipnet = self.haproxy_vip_network(e)
                if vipnet not in self.networks:
                    vipnet = None
                for j, text in enumerate(e["props"]["vipRanges"]):
                    n = net(text)
                    iv = (n.network_address, n.broadcast_address) if n is not None else None
                    self.ranges.append({"id": "%s/vip/%d" % (e["id"], j), "owner": e["id"], "net": vipnet, "purpose": "haproxy-vip", "iv": iv})
        # held addresses: each a record with its expanded values
        self.held = []
        for l in self.nics:
            if l["address"] is None or l.get("addressMode") in ("pool", "dhcp"):
                continue
            h = self.el.get(l["from"])
            if h is None:
                continue
            self.hold(l["address"], h, ROLE_OF_HOLDER.get(h["kind"], "interface"), l["to"], link=l["id"])
        for e in self.elements:
            p = e["props"]
            if e["kind"] == "tkgCluster" and p["endpoint"]["address"] is not None:
                on = p["nodeNetworkId"] if p["endpoint"]["provider"] == "kube-vip" else (p.get("controlPlaneVipNetworkId") or p.get("workloadVipNetworkId"))
                self.hold(p["endpoint"]["address"], e, "endpoint", on)
        for e in self.elements:
            if e["kind"] == "k8sCluster":
                for n in e["props"]["nodes"]:
                    if n["address"] is not None:
                        self.hold(n["address"], e, "node", e["props"]["nodeNetworkId"], item=n["id"])
        for e in self.elements:
            if e["kind"] == "virtualService" and e["props"]["address"] is not None:
                self.hold(e["props"]["address"], e, "vip", e["props"]["vipNetworkId"])
        for e in self.elements:
            if e["kind"] == "aviDnsVs":
                self.hold(e["props"]["address"], e, "dns-vs", e["props"]["networkId"])
        for e in self.elements:
            if e["kind"] == "supervisor" and e["props"]["managementStartAddress"] is not None:
                self.hold(e["props"]["managementStartAddress"], e, "supervisor-management", e["props"]["managementNetworkId"], block=max(0, e["props"]["controlPlaneCount"]) + 2)
        for e in self.elements:
            if e["kind"] == "vcenter":
                self.hold_infrastructure(e["props"]["server"], e)
            elif e["kind"] == "nsxtTier0":
                self.hold_infrastructure(e["props"]["managerHost"], e)
        # gateways per network: the network's own, then distinct NIC gateways
        self.gateways = {}
        for n in self.networks.values():
            if n["gateway"] is not None:
                self.gateways.setdefault(n["id"], []).append({"ip": n["gateway"], "source": "network", "owner": n["id"], "link": None})
        for l in self.nics:
            g = addr(l["gateway"])
            if g is None or l["to"] not in self.networks:
                continue
            lst = self.gateways.setdefault(l["to"], [])
            if all(x["ip"] != g for x in lst):
                lst.append({"ip": g, "source": "link", "owner": l["from"], "link": l["id"]})

    def haproxy_vip_network(self, hp):
        role = "frontend" if hp["props"]["topology"] == "frontend" else "workload"
        if role == "workload":
            sups = [e["id"] for e in self.elements if e["kind"] == "supervisor" and e["props"]["loadBalancer"].get("provider") == "haproxy" and e["props"]["loadBalancer"].get("haproxyId") == hp["id"]]
            for e in self.elements:
                p = e["props"]
                if e["kind"] == "workloadNetwork" and p["primary"] and p["supervisorId"] in sups and p["portGroupId"] is not None:
                    return p["portGroupId"]
        for l in self.nics:
            if l["from"] == hp["id"] and l["role"] == role:
                return l["to"]
        return None

    def hold(self, text, owner, role, netid, link=None, item=None, block=1):
        ip = addr(text)
        n = self.networks.get(netid) if netid is not None else None
        if ip is None or n is None:
            return
        values = []
        for i in range(block):
            v = ip + i if ip.version == 6 or int(ip) + i <= 0xFFFFFFFF else None
            if v is not None:
                values.append(v)
        self.held.append({"ip": ip, "values": values, "owner": owner["id"], "kind": owner["kind"], "role": role, "net": netid, "domain": n["domain"], "link": link, "item": item})

    def hold_infrastructure(self, text, owner):
        ip = addr(text.strip()) if isinstance(text, str) else None
        if ip is None:
            return
        self.held.append({"ip": ip, "values": [ip], "owner": owner["id"], "kind": owner["kind"], "role": "infrastructure", "net": None, "domain": "default", "link": None, "item": None})

    # --- targets
    def range_targets(self, r):
        out = [r["owner"], r["id"]]
        if r["net"] is not None and r["net"] != r["owner"]:
            out.append(r["net"])
        return out

    @staticmethod
    def held_targets(h):
        return [h["owner"]] + ([h["link"]] if h["link"] else []) + ([h["item"]] if h["item"] else [])

    def ranges_on_known(self):
        return [r for r in self.ranges if r["iv"] is not None and r["net"] in self.networks]


def finding(out, rule, targets):
    out.append("%s|%s" % (rule, ",".join(sorted(set(targets)))))


def subnet_overlap(d, out):
    nets = [n for n in d.networks.values() if n["subnet"] is not None]
    for i, a in enumerate(nets):
        for b in nets[i + 1:]:
            if a["domain"] == b["domain"] and a["subnet"].version == b["subnet"].version and a["subnet"].overlaps(b["subnet"]):
                finding(out, "ipam/subnet-overlap", [a["id"], b["id"]])


def range_outside_subnet(d, out):
    for r in d.ranges:
        n = d.networks.get(r["net"]) if r["net"] is not None else None
        if n is None or n["subnet"] is None or r["iv"] is None:
            continue
        lo, hi = r["iv"]
        if lo.version == n["subnet"].version and lo in n["subnet"] and hi in n["subnet"]:
            continue
        finding(out, "ipam/range-outside-subnet", d.range_targets(r))


def range_overlap(d, out):
    rs = [r for r in d.ranges_on_known() if r["purpose"] != "reserved"]
    for i, a in enumerate(rs):
        for b in rs[i + 1:]:
            if a["net"] != b["net"] or a["iv"][0].version != b["iv"][0].version:
                continue
            if a["iv"][0] <= b["iv"][1] and b["iv"][0] <= a["iv"][1]:
                finding(out, "ipam/range-overlap", d.range_targets(a) + d.range_targets(b))


def gateway_outside_subnet(d, out):
    for netid, gws in d.gateways.items():
        s = d.networks[netid]["subnet"]
        if s is None:
            continue
        for g in gws:
            inside = g["ip"].version == s.version and g["ip"] in s
            if inside and g["ip"] not in reserved_of(s):
                continue
            finding(out, "ipam/gateway-outside-subnet", [netid] if g["source"] == "network" else [g["owner"], g["link"], netid])


def gateway_in_range(d, out):
    for r in d.ranges:
        if r["purpose"] != "haproxy-vip" or r["net"] is None or r["iv"] is None or r["net"] not in d.networks:
            continue
        lo, hi = r["iv"]
        for g in d.gateways.get(r["net"], []):
            if g["ip"].version == lo.version and lo <= g["ip"] <= hi:
                finding(out, "ipam/gateway-in-range", d.range_targets(r) + ([g["owner"], g["link"]] if g["source"] == "link" else []))


def reserved_address(d, out):
    for r in d.ranges:
        if r["purpose"] in ("reserved", "haproxy-vip") or r["iv"] is None or r["net"] not in d.networks:
            continue
        s = d.networks[r["net"]]["subnet"]
        lo, hi = r["iv"]
        if s is None or lo.version != s.version or lo not in s or hi not in s:
            continue
        flagged = set()
        for g in d.gateways.get(r["net"], []):
            if g["ip"].version == lo.version and lo <= g["ip"] <= hi and g["ip"] not in flagged:
                flagged.add(g["ip"])
                finding(out, "ipam/reserved-address", d.range_targets(r) + ([g["owner"], g["link"]] if g["source"] == "link" else []))
        for x in reserved_of(s):
            if lo <= x <= hi and x not in flagged:
                flagged.add(x)
                finding(out, "ipam/reserved-address", d.range_targets(r))


def is_gateway_of(d, netid, ip):
    return any(g["ip"] == ip for g in d.gateways.get(netid, []))


def is_vip(d, h):
    if h["role"] == "vip":
        return True
    e = d.el[h["owner"]]
    return h["role"] == "endpoint" and e["kind"] == "tkgCluster" and e["props"]["endpoint"]["provider"] == "nsx-alb"


def static_ip_in_dynamic_range(d, out):
    for h in d.held:
        hit = set()
        for v in h["values"]:
            if is_gateway_of(d, h["net"], v):
                continue
            for r in d.ranges_on_known():
                lo, hi = r["iv"]
                if r["net"] != h["net"] or r["purpose"] not in DYNAMIC or lo.version != v.version or not (lo <= v <= hi):
                    continue
                if is_vip(d, h) and r["purpose"] in VIP_POOLS:
                    continue
                if r["id"] in hit:
                    continue
                hit.add(r["id"])
                finding(out, "ipam/static-ip-in-dynamic-range", d.held_targets(h) + d.range_targets(r))


def duplicate_ip(d, out):
    groups = {}
    for h in d.held:
        for v in h["values"]:
            groups.setdefault((h["domain"], v), []).append(h)
    for (domain, v), held in groups.items():
        gw_nets = [n["id"] for n in d.networks.values() if n["domain"] == domain and n["gateway"] == v]
        if any(h["kind"] in GATEWAY_HOLDERS for h in held):
            gw_nets = []
        endpoint_owners = {h["owner"] for h in held if h["role"] == "endpoint"}
        claimants = set()
        ports = {}
        for h in held:
            c = (h["owner"], h["item"])
            if h["role"] == "infrastructure":
                c = ("infrastructure", h["kind"], str(h["ip"]))
            e = d.el[h["owner"]]
            if h["role"] == "vip" and e["kind"] == "virtualService":
                p = e["props"]
                cl = d.el.get(p["backendClusterId"]) if p["backendClusterId"] is not None else None
                if cl is not None and cl["kind"] == "tkgCluster" and cl["props"]["endpoint"]["provider"] == "nsx-alb" and cl["id"] in endpoint_owners:
                    c = (cl["id"], None)
                elif p["loadBalancerId"] is not None:
                    c = ("lb", p["loadBalancerId"])
                    ports.setdefault((p["loadBalancerId"], p["port"]), []).append(h)
            claimants.add(c)
        if len(claimants) + len(gw_nets) >= 2:
            involved = held
        else:
            involved = [h for lst in ports.values() if len(lst) > 1 for h in lst]
            gw_nets = []
        if not involved:
            continue
        targets = [t for h in involved for t in d.held_targets(h)] + gw_nets
        finding(out, "ipam/duplicate-ip", targets)


def pool_exhausted(d, out):
    se_need, vip_need, dhcp_need, hp_vs = {}, {}, {}, {}
    add = lambda m, k, i, c: m.setdefault(k, []).append((i, c))
    for l in d.nics:
        h = d.el.get(l["from"])
        if h is None:
            continue
        count = h["props"]["seCount"] if h["kind"] == "seGroup" else 1
        if l.get("addressMode") == "dhcp":
            add(dhcp_need, l["to"], h["id"], count)
        elif l.get("addressMode") == "pool" and h["kind"] == "seGroup":
            add(se_need, l["to"], h["id"], count)
    for e in d.elements:
        p = e["props"]
        if e["kind"] == "tkgCluster":
            if p["nodeNetworkId"] is not None:
                add(dhcp_need, p["nodeNetworkId"], e["id"], p["controlPlaneCount"] + p["workerCount"] + 1)
            api = p.get("controlPlaneVipNetworkId") or p.get("workloadVipNetworkId")
            if p["endpoint"]["provider"] == "nsx-alb" and blank(p["endpoint"]["address"]) and api is not None:
                add(vip_need, api, e["id"], 1)
        elif e["kind"] == "k8sCluster":
            dyn = sum(1 for n in p["nodes"] if blank(n["address"]))
            if p["nodeNetworkId"] is not None and dyn > 0:
                add(dhcp_need, p["nodeNetworkId"], e["id"], dyn)
        elif e["kind"] == "virtualService" and blank(p["address"]):
            lb = d.el.get(p["loadBalancerId"]) if p["loadBalancerId"] is not None else None
            if lb is not None and lb["kind"] == "haproxy":
                add(hp_vs, lb["id"], e["id"], 1)
            elif p["vipNetworkId"] is not None:
                add(vip_need, p["vipNetworkId"], e["id"], 1)
    pools = []  # (owner, network id or None, ranges, demand, defer_below, kind)
    for nid, n in d.networks.items():
        se, vip, dh = se_need.get(nid, []), vip_need.get(nid, []), dhcp_need.get(nid, [])
        if not se and not vip and not dh:
            continue
        on = [r for r in d.ranges if r["net"] == nid]
        se_r = [r for r in on if r["purpose"] == "se-pool"]
        vip_r = [r for r in on if r["purpose"] == "vip-pool"]
        both = [r for r in on if r["purpose"] == "se-vip-pool"]
        node_r = [r for r in on if r["purpose"] in ("dhcp", "node")]
        if both:
            pools.append((nid, nid, se_r + vip_r + both, se + vip, None, "se-vip"))
        else:
            pools.append((nid, nid, se_r, se, None, "se"))
            pools.append((nid, nid, vip_r, vip, None, "vip"))
        pools.append((nid, nid, node_r, dh + (se if not (se_r or both) and n["dhcp"] else []), None, "nodes"))
    tkc_by_wn, tkc_by_sup = {}, {}
    for e in d.elements:
        if e["kind"] != "tkc" or e["props"]["namespaceId"] is None:
            continue
        ns = d.el.get(e["props"]["namespaceId"])
        if ns is None or ns["kind"] != "vsphereNamespace":
            continue
        p = e["props"]
        if ns["props"]["workloadNetworkId"] is not None:
            add(tkc_by_wn, ns["props"]["workloadNetworkId"], e["id"], p["controlPlaneCount"] + p["workerCount"] + 1)
        if ns["props"]["supervisorId"] is not None:
            add(tkc_by_sup, ns["props"]["supervisorId"], e["id"], 1)
    for e in d.elements:
        if e["kind"] != "workloadNetwork":
            continue
        p = e["props"]
        sup = d.el.get(p["supervisorId"]) if p["supervisorId"] is not None else None
        sup = sup if sup is not None and sup["kind"] == "supervisor" else None
        cp = sup["props"]["controlPlaneCount"] if sup else 3
        demand = ([((sup or e)["id"], cp)] if p["primary"] else []) + tkc_by_wn.get(e["id"], [])
        rs = [r for r in d.ranges if r["owner"] == e["id"] and r["purpose"] == "workload"]
        pools.append((e["id"], p["portGroupId"] if p["portGroupId"] in d.networks else None, rs, demand, cp if p["primary"] else None, "workload"))
    for e in d.elements:
        if e["kind"] != "haproxy":
            continue
        demand = list(hp_vs.get(e["id"], []))
        for s in d.elements:
            lb = s["props"].get("loadBalancer") if s["kind"] == "supervisor" else None
            if lb and lb.get("provider") == "haproxy" and lb.get("haproxyId") == e["id"]:
                demand += [(s["id"], 1)] + tkc_by_sup.get(s["id"], [])
        rs = [r for r in d.ranges if r["owner"] == e["id"] and r["purpose"] == "haproxy-vip"]
        pools.append((e["id"], rs[0]["net"] if rs else None, rs, demand, None, "haproxy-vip"))

    for owner, nid, rs, demand, defer, kind in pools:
        total = sum(c for _, c in demand)
        if total == 0 or not rs or any(r["iv"] is None for r in rs):
            continue
        cap = capacity(d, nid, rs, kind == "haproxy-vip")
        if defer is not None and cap < defer:
            continue
        if cap > 0 and total / cap <= 0.8:
            continue
        targets = [owner] + ([nid] if nid is not None and nid != owner else []) + [r["id"] for r in rs] + [i for i, c in demand if c > 0]
        finding(out, "ipam/pool-exhausted", targets)


def merge_ints(ivs):
    out = []
    for lo, hi in sorted(ivs):
        if out and lo <= out[-1][1] + 1:
            out[-1][1] = max(out[-1][1], hi)
        else:
            out.append([lo, hi])
    return out


def capacity(d, nid, rs, haproxy):
    """Free addresses, one by one for small pools and by interval arithmetic otherwise (same definition)."""
    n = d.networks.get(nid) if nid is not None else None
    subnet = n["subnet"] if n else None
    taken = set()
    if n is not None:
        for h in d.held:
            if h["domain"] == n["domain"]:
                taken.update(h["values"])
        for other, gws in d.gateways.items():
            if d.networks[other]["domain"] == n["domain"]:
                taken.update(g["ip"] for g in gws)
    # Kept out of use: reserved ranges, and HAProxy VIP ranges (HAProxy answers all of it) for every other pool.
    out_of_use = ("reserved",) if haproxy else ("reserved", "haproxy-vip")
    reserved = [r["iv"] for r in d.ranges if n is not None and r["net"] == nid and r["purpose"] in out_of_use and r["iv"] is not None]
    excluded = set(reserved_of(subnet)) if subnet is not None else set()

    def usable(v):
        if subnet is not None and (v.version != subnet.version or v not in subnet or v in excluded):
            return False
        if any(lo.version == v.version and lo <= v <= hi for lo, hi in reserved):
            return False
        return v not in taken

    # The union of the ranges, as sorted integer intervals per family.
    total = 0
    for fam in (4, 6):
        merged = merge_ints([(int(lo), int(hi)) for lo, hi in (r["iv"] for r in rs) if lo.version == fam])
        mk = ipaddress.IPv4Address if fam == 4 else ipaddress.IPv6Address
        for lo, hi in merged:
            if hi - lo < 4096:
                total += sum(1 for x in range(lo, hi + 1) if usable(mk(x)))
            else:
                # Big (IPv6) pools: count the interval inside the subnet, then take out what is excluded in it.
                if subnet is not None:
                    if subnet.version != fam:
                        continue
                    lo, hi = max(lo, int(subnet.network_address)), min(hi, int(subnet.broadcast_address))
                    if lo > hi:
                        continue
                size = hi - lo + 1
                cut = merge_ints([(max(lo, int(a)), min(hi, int(b))) for a, b in reserved if a.version == fam and max(lo, int(a)) <= min(hi, int(b))])
                size -= sum(b - a + 1 for a, b in cut)
                size -= sum(1 for x in excluded | taken if x.version == fam and lo <= int(x) <= hi and not any(a <= int(x) <= b for a, b in cut))
                total += max(size, 0)
    return min(total, 2**53 - 1)


def cluster_cidr_overlap(d, out):
    """
    Pod and service CIDRs of TKG clusters, Kubernetes clusters and TKCs, and the Supervisor's service CIDR,
    each in its routing domain (that of the node network - a TKC's is its namespace's workload network's
    port group, a Supervisor's its management network - `default` when unknown or not a network):
    1. against every network subnet of the domain (one finding per CIDR and network);
    2. a cluster's pod CIDR against its own service CIDR (one per pair);
    3. pod CIDRs of two clusters of one domain when either has routable pods (one per unordered pair);
       overlay (non-routable) pod CIDRs of different clusters may be equal.
    """
    rule = "ipam/cluster-cidr-overlap"
    namespaces = {e["id"]: e for e in d.elements if e["kind"] == "vsphereNamespace"}
    workload = {e["id"]: e for e in d.elements if e["kind"] == "workloadNetwork"}
    cidrs = []  # dicts: owner, kind ("pod"/"service"), net, domain, routable
    for e in d.elements:
        p, k = e["props"], e["kind"]
        if k in ("tkgCluster", "k8sCluster"):
            node, pods, services = p["nodeNetworkId"], [p["podCidr"]], [p["serviceCidr"]]
            routable = k == "tkgCluster" and p["routablePods"] is not None
        elif k == "tkc":
            ns = namespaces.get(p["namespaceId"]) if p["namespaceId"] is not None else None
            wid = ns["props"]["workloadNetworkId"] if ns is not None else None
            w = workload.get(wid) if wid is not None else None
            node = w["props"]["portGroupId"] if w is not None else None
            pods, services, routable = p["podCidrBlocks"], p["serviceCidrBlocks"], False
        elif k == "supervisor":
            node, pods, services, routable = p["managementNetworkId"], [], [p["serviceCidr"]], False
        else:
            continue
        n = d.networks.get(node) if node is not None else None
        domain = n["domain"] if n is not None else "default"
        for kind, texts in (("pod", pods), ("service", services)):
            for t in texts:
                c = net(t)
                if c is not None:
                    cidrs.append({"owner": e["id"], "kind": kind, "net": c, "domain": domain, "routable": routable and kind == "pod"})

    def overlap(a, b):
        return a.version == b.version and a.overlaps(b)

    for c in cidrs:
        for n in d.networks.values():
            if n["subnet"] is not None and n["domain"] == c["domain"] and overlap(c["net"], n["subnet"]):
                finding(out, rule, [c["owner"], n["id"]])
    for a in cidrs:
        for b in cidrs:
            if a["owner"] == b["owner"] and a["kind"] == "pod" and b["kind"] == "service" and overlap(a["net"], b["net"]):
                finding(out, rule, [a["owner"]])
    pods = [c for c in cidrs if c["kind"] == "pod"]
    for i, a in enumerate(pods):
        for b in pods[i + 1:]:
            if a["owner"] != b["owner"] and a["domain"] == b["domain"] and (a["routable"] or b["routable"]) and overlap(a["net"], b["net"]):
                finding(out, rule, [a["owner"], b["owner"]])


def bad_ip(t):
    """Set (not blank) and not an address."""
    return not blank(t) and parse_ip(t) is None


def bad_cidr(t):
    """Set and not a network with host bits clear."""
    if blank(t):
        return False
    c = parse_cidr(t)
    return c is None or c[0] != c[1].network_address


def bad_gateway_cidr(t):
    """ACI form `10.1.0.1/16`: set and not an address/prefix, or naming the network or (IPv4) broadcast address
    of a network bigger than /31 (/127)."""
    if blank(t):
        return False
    c = parse_cidr(t)
    if c is None:
        return True
    ip, n = c
    if n.prefixlen >= n.max_prefixlen - 1:
        return False
    return ip == n.network_address or (n.version == 4 and ip == n.broadcast_address)


def invalid_cidr(d, out):
    rule = "ipam/invalid-cidr"
    for e in d.elements:
        p, k, i = e["props"], e["kind"], e["id"]
        if k in NETWORK_KINDS:
            if p.get("subnet") is not None and bad_cidr(p["subnet"]):
                finding(out, rule, [i])
            if p.get("gateway") is not None and bad_ip(p["gateway"]):
                finding(out, rule, [i])
        if k in ("portGroup", "nsxtSegment", "workloadNetwork"):
            for r in p["ranges"]:
                a, b = parse_ip(r["start"]), parse_ip(r["end"])
                if a is not None and b is not None and a.version == b.version and a <= b:
                    continue
                if bad_ip(r["start"]):
                    finding(out, rule, [i, r["id"]])
                if bad_ip(r["end"]):
                    finding(out, rule, [i, r["id"]])
                if a is not None and b is not None:
                    finding(out, rule, [i, r["id"]])  # mixed families, or the end before the start
        if k == "haproxy":
            for j, t in enumerate(p["vipRanges"]):
                if bad_cidr(t):
                    finding(out, rule, [i, "%s/vip/%d" % (i, j)])
        # Held addresses written on elements.
        held = []
        if k == "tkgCluster" and p["endpoint"]["address"] is not None:
            held.append((p["endpoint"]["address"], None))
        if k == "k8sCluster":
            held += [(n["address"], n["id"]) for n in p["nodes"] if n["address"] is not None]
        if k == "virtualService" and p["address"] is not None:
            held.append((p["address"], None))
        if k == "aviDnsVs":
            held.append((p["address"], None))
        if k == "supervisor" and p["managementStartAddress"] is not None:
            held.append((p["managementStartAddress"], None))
        for t, item in held:
            if bad_ip(t):
                finding(out, rule, [i] + ([item] if item else []))
        # Static routes.
        routes = []
        if k in ("router", "firewall", "nsxtTier0", "nsxtTier1"):
            routes = p["staticRoutes"]
        if k == "aviController":
            routes = [r for v in p["vrfs"] for r in v["staticRoutes"]]
        for r in routes:
            if bad_cidr(r["prefix"]):
                finding(out, rule, [i, r["id"]])
            if r["nextHop"] is not None and bad_ip(r["nextHop"]):
                finding(out, rule, [i, r["id"]])
        # Cluster CIDRs, the Supervisor's service CIDR, namespace networks.
        cidrs = []
        if k in ("tkgCluster", "k8sCluster", "supervisor"):
            cidrs = [p.get("podCidr"), p["serviceCidr"]]
        if k == "tkc":
            cidrs = p["podCidrBlocks"] + p["serviceCidrBlocks"]
        if k == "vsphereNamespace" and p["networkOverride"] is not None:
            cidrs = [p["networkOverride"]["namespaceNetwork"]]
        for t in cidrs:
            if t is not None and bad_cidr(t):
                finding(out, rule, [i])
        # ACI: subnets in gateway form; APIC hosts `a.b.c.d[:port]`; host-name fields only when they look like IPv4.
        if k == "aciFabric":
            for key in ("nodeSubnet", "podSubnet", "externDynamic", "externStatic", "nodeServiceSubnet"):
                if p[key] is not None and bad_gateway_cidr(p[key]):
                    finding(out, rule, [i])
            for h in p["apicHosts"]:
                m = re.fullmatch(r"([0-9.]+)(?::[0-9]+)?", h)
                if m and parse_ip(m.group(1)) is None:
                    finding(out, rule, [i])
        for key in ("server",) if k == "vcenter" else ("managerHost",) if k == "nsxtTier0" else ():
            if re.fullmatch(r"[0-9.]+", p[key]) and parse_ip(p[key]) is None:
                finding(out, rule, [i])
    for l in d.nics:
        if l["from"] not in d.el:
            continue
        if l["address"] is not None and bad_ip(l["address"]):
            finding(out, rule, [l["from"], l["id"]])
        if l["gateway"] is not None and bad_ip(l["gateway"]):
            finding(out, rule, [l["from"], l["id"]])


RULES = [subnet_overlap, range_outside_subnet, range_overlap, gateway_outside_subnet, gateway_in_range, reserved_address, static_ip_in_dynamic_range, duplicate_ip, pool_exhausted, cluster_cidr_overlap, invalid_cidr]


def main():
    docs = json.load(sys.stdin)
    result = []
    for doc in docs:
        d = Design(doc)
        out = []
        for rule in RULES:
            rule(d, out)
        result.append(sorted(out))
    json.dump(result, sys.stdout)


main()
