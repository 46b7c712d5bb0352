from lifeport_map.cli import run

run()
