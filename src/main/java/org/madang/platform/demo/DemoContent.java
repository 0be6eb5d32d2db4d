package org.madang.platform.demo;

/** A feature's contribution to the demo data; found by CDI and called once, on an empty database. */
public interface DemoContent {
    void add(DemoData.DemoPeople people);
}
