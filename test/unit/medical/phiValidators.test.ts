import { describe, it } from "node:test";
import assert from "node:assert/strict";
import {
  isCalendarDate,
  isValidDea,
  isValidEmail,
  isValidIpv4,
  isValidIpv6,
  isValidMbi,
  isValidNhsNumber,
  isValidNpi,
  isValidSsn,
  isValidVin,
  passesLuhn,
} from "../../../server/src/medical/phi/validators";

describe("SSN validator", () => {
  it("accepts well-formed numbers with or without separators", () => {
    assert.equal(isValidSsn("540-19-6312"), true);
    assert.equal(isValidSsn("540 19 6312"), true);
    assert.equal(isValidSsn("540196312"), true);
  });

  it("rejects area 000, 666 and 900-999", () => {
    assert.equal(isValidSsn("000-19-6312"), false);
    assert.equal(isValidSsn("666-19-6312"), false);
    assert.equal(isValidSsn("900-19-6312"), false);
    assert.equal(isValidSsn("987-65-4321"), false);
  });

  it("rejects group 00, serial 0000, one repeated digit and wrong lengths", () => {
    assert.equal(isValidSsn("540-00-6312"), false);
    assert.equal(isValidSsn("540-19-0000"), false);
    assert.equal(isValidSsn("111-11-1111"), false);
    assert.equal(isValidSsn("540-19-631"), false);
    assert.equal(isValidSsn("54a-19-6312"), false);
  });
});

describe("Luhn and NPI", () => {
  it("checks Luhn sums", () => {
    assert.equal(passesLuhn("79927398713"), true);
    assert.equal(passesLuhn("79927398710"), false);
    assert.equal(passesLuhn("12a4"), false);
  });

  it("validates NPIs with the 80840 prefix", () => {
    for (const npi of ["2369661873", "2737152274", "1449402167", "1234567893"]) assert.equal(isValidNpi(npi), true, npi);
    assert.equal(isValidNpi("1234567890"), false);
    assert.equal(isValidNpi("2369661874"), false);
    assert.equal(isValidNpi("3369661873"), false, "must start with 1 or 2");
    assert.equal(isValidNpi("123456789"), false);
  });
});

describe("DEA validator", () => {
  it("checks the weighted check digit and the letters", () => {
    assert.equal(isValidDea("AD5560227"), true);
    assert.equal(isValidDea("RM6401169"), true);
    assert.equal(isValidDea("AD5560228"), false);
    assert.equal(isValidDea("ID5560227"), false, "I is not a registrant type");
    assert.equal(isValidDea("A95560227"), true, "9 stands for a business name");
    assert.equal(isValidDea("AD556022"), false);
  });
});

describe("Medicare MBI validator", () => {
  it("follows the letter/digit pattern without S, L, O, I, B, Z", () => {
    assert.equal(isValidMbi("1EG4TE5MK72"), true);
    assert.equal(isValidMbi("1EG4-TE5-MK72"), true);
    assert.equal(isValidMbi("7Y34W75EY64"), true);
    assert.equal(isValidMbi("0EG4TE5MK72"), false, "first character 1-9");
    assert.equal(isValidMbi("1SG4TE5MK72"), false, "S excluded");
    assert.equal(isValidMbi("1EG4TE5MK7"), false, "too short");
    assert.equal(isValidMbi("1E24TE5MK72"), true, "position 3 may be a digit");
    assert.equal(isValidMbi("1EGATE5MK72"), false, "position 4 is a digit");
  });
});

describe("network and e-mail validators", () => {
  it("checks IPv4 octets", () => {
    assert.equal(isValidIpv4("192.168.0.1"), true);
    assert.equal(isValidIpv4("10.0.12.7"), true);
    assert.equal(isValidIpv4("256.1.1.1"), false);
    assert.equal(isValidIpv4("1.2.3"), false);
    assert.equal(isValidIpv4("01.2.3.4"), false);
  });

  it("checks IPv6 in full and compressed forms", () => {
    assert.equal(isValidIpv6("2001:0db8:85a3:0000:0000:8a2e:0370:7334"), true);
    assert.equal(isValidIpv6("2001:db8:85a3::8a2e:370:7334"), true);
    assert.equal(isValidIpv6("fe80::1"), true);
    assert.equal(isValidIpv6("1::2::3"), false);
    assert.equal(isValidIpv6("10:22:33"), false);
    assert.equal(isValidIpv6("12345::1"), false);
  });

  it("requires a dotted top-level domain in e-mail addresses", () => {
    assert.equal(isValidEmail("jane.doe@example.org"), true);
    assert.equal(isValidEmail("jane@localhost"), false);
    assert.equal(isValidEmail("jane@example.c0m"), false);
  });
});

describe("VIN, NHS number and calendar dates", () => {
  it("checks the VIN check digit", () => {
    assert.equal(isValidVin("1WVSC7MG4VGN2VVLU"), true);
    assert.equal(isValidVin("1WVSC7MG5VGN2VVLU"), false);
    assert.equal(isValidVin("1WVSC7MG4VGN2VVLO"), false, "O is not allowed");
  });

  it("checks the NHS number mod-11 digit", () => {
    assert.equal(isValidNhsNumber("943 476 5919"), true);
    assert.equal(isValidNhsNumber("943 476 5918"), false);
  });

  it("knows month lengths and leap years", () => {
    assert.equal(isCalendarDate(2, 29, 2024), true);
    assert.equal(isCalendarDate(2, 29, 2023), false);
    assert.equal(isCalendarDate(2, 29), true);
    assert.equal(isCalendarDate(4, 31), false);
    assert.equal(isCalendarDate(13, 1), false);
    assert.equal(isCalendarDate(12, 0), false);
  });
});
