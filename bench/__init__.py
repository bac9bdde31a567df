"""The benchmark: a large synthetic site (``build_bench_site``) and a load run (``run.py``)."""
