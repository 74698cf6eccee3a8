namespace CallCenter.Actors.Tests;
