import { describe, expect, it } from "vitest";
import { isPublicAddress } from "../../src/sources/address-policy.ts";

describe("isPublicAddress", () => {
  it.each([
    ["8.8.8.8"],
    ["185.70.40.1"],
    ["2a00:1450:4001:81c::200e"],
    ["2606:4700::6810:84e5"],
    ["64:ff9b::808:808"],
  ])("%s is public", (address) => {
    expect(isPublicAddress(address)).toBe(true);
  });

  it.each([
    ["loopback", "127.0.0.1"],
    ["loopback range", "127.8.9.10"],
    ["private 10/8", "10.1.2.3"],
    ["private 172.16/12", "172.31.255.255"],
    ["private 192.168/16", "192.168.0.10"],
    ["carrier-grade NAT", "100.64.0.1"],
    ["link-local / cloud metadata", "169.254.169.254"],
    ["unspecified", "0.0.0.0"],
    ["multicast", "239.255.255.250"],
    ["broadcast", "255.255.255.255"],
    ["documentation", "203.0.113.5"],
    ["IPv6 loopback", "::1"],
    ["IPv6 unspecified", "::"],
    ["IPv6 unique local", "fd12:3456::1"],
    ["IPv6 link-local", "fe80::1%eth0"],
    ["IPv6 multicast", "ff02::1"],
    ["IPv4-mapped loopback", "::ffff:127.0.0.1"],
    ["IPv4-mapped in hex", "::ffff:7f00:1"],
    ["IPv4-mapped public address", "::ffff:8.8.8.8"],
    ["NAT64 of a private address", "64:ff9b::10.0.0.1"],
    ["6to4 of loopback", "2002:7f00:1::1"],
    ["IPv6 documentation", "2001:db8::1"],
    ["bracketed loopback", "[::1]"],
    ["not an address", "example.com"],
    ["malformed IPv4", "256.1.1.1"],
    ["malformed IPv6", "1::2::3"],
  ])("%s (%s) is refused", (_label, address) => {
    expect(isPublicAddress(address)).toBe(false);
  });
});
